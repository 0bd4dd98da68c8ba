// The console in Debian's Chromium against the real running system: every service and the console's gateway in
// this process on ports of their own, the case worker with the demo's short SLA windows, and the real Kafka,
// Temporal and FerretDB. The journey (services/console/e2e/console-journey.ts) drives the operator, the community
// handler, the street, the department liaison and the supervisor through one case, and saves a screenshot of
// each role's main screen in .civicflow/reports/screenshots (the README shows copies from docs/screenshots).
import { join } from 'node:path';
import { noticeTextsOf, startSystem, type TestSystem, textsShowingIds } from '@civicflow/testing';
import { slaProfilesFromFile } from '@civicflow/workflows/worker';
import { requireBuiltConsoleAndChromium, SCREENSHOT_DIR } from '../../services/console/e2e/browser-kit';
import { runConsoleJourney } from '../../services/console/e2e/console-journey';

const root = join(__dirname, '..', '..');

describe('the console in Chromium, end to end on the real system', () => {
  let system: TestSystem;

  beforeAll(async () => {
    requireBuiltConsoleAndChromium();
    // in the order they find each other: the grid before notification (unit names), notification before the hotline
    // and mediation (they register contacts)
    system = await startSystem({
      services: ['identity', 'grid', 'notification', 'hotline', 'intake', 'casework', 'mediation', 'console'],
      worker: { slaProfiles: slaProfilesFromFile(join(root, 'deploy', 'local', 'sla-profiles.short.json')) },
    });
  }, 180_000);

  afterAll(async () => system?.stop());

  it('carries one case from the operator’s call to the supervisor’s figures, through every role’s screen', async () => {
    const result = await runConsoleJourney({ baseUrl: system.urls.console, screenshotDir: SCREENSHOT_DIR, log: (line) => process.stderr.write(`[journey] ${line}\n`) });
    expect(result.caseNumber).toMatch(/^\d{8}-\d{6}$/);
    // the journey checks each screen as it goes; here: its record of what happened to the case
    for (const type of ['case.dispatched', 'case.accepted', 'case.sla-breached', 'case.escalated', 'case.departments-summoned', 'case.department-reported-in', 'case.department-answered', 'case.resolved', 'case.callback-recorded', 'case.closed']) {
      expect(result.timelineTypes).toContain(type);
    }
    expect(result.figures.after.cases).toBeGreaterThan(result.figures.before.cases);
    expect(result.screenshots.map((p) => p.split('/').pop())).toEqual(expect.arrayContaining(['operator.png', 'handler.png', 'street.png', 'liaison.png', 'supervisor.png', 'case.png', 'mediator.png']));
    // the mediator's part: a neighbour dispute logged by the operator became a mediation case with an agreement
    expect(result.dispute).toEqual({ disputeId: expect.stringMatching(/^tj-\d{8}-\d{6}$/), stage: 'agreed' });
    // names, not ids: no SMS and no inbox item of the case shows an internal unit or department id
    const texts = await noticeTextsOf(system.urls.notification, result.caseNumber);
    expect(texts.inbox.length).toBeGreaterThan(3);
    expect(textsShowingIds(texts)).toEqual([]);
  }, 600_000);
});
