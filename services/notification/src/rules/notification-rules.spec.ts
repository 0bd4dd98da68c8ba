import { caseResolvedV1, eventCatalog, findContract, sessionReminderV1 } from '@civicflow/contracts';
import { isTemplateKey, messageTemplates } from '../templates/message-templates';
import { NOTIFIED_EVENT_TYPES, notificationRules, ruleFor, SILENT_EVENTS } from './notification-rules';

const key = (c: { type: string; version: number }) => `${c.type}@${c.version}`;

describe('notification rules cover the event catalog', () => {
  const events = eventCatalog.filter((c) => c.kind === 'event');
  const ruled = new Set(notificationRules.map((r) => key(r.contract)));
  const silent = new Set(SILENT_EVENTS.map((s) => key(s.contract)));

  it('every event of the case and mediation contexts is either told to someone or deliberately silent', () => {
    const lifecycle = events.filter((c) => c.context === 'case' || c.context === 'mediation');
    expect(lifecycle.length).toBeGreaterThan(30); // the catalog was read, not an empty list
    const forgotten = lifecycle.filter((c) => !ruled.has(key(c)) && !silent.has(key(c))).map(key);
    expect(forgotten).toEqual([]);
  });

  it('every other event of the catalog is decided too (a new context cannot slip past notification)', () => {
    expect(events.filter((c) => !ruled.has(key(c)) && !silent.has(key(c))).map(key)).toEqual([]);
  });

  it('an event is ruled or silent, never both, and each silent one says why in one line', () => {
    expect([...silent].filter((k) => ruled.has(k))).toEqual([]);
    for (const { contract, why } of SILENT_EVENTS) {
      expect(why.trim().length).toBeGreaterThan(10);
      expect(why).not.toContain('\n');
      expect(findContract(contract.type, contract.version)).toBe(contract); // no stale entries
    }
  });

  it('has one rule per event type and version, each for a contract of the catalog', () => {
    expect(ruled.size).toBe(notificationRules.length);
    for (const r of notificationRules) expect(findContract(r.contract.type, r.contract.version)).toBe(r.contract);
    expect(ruleFor(caseResolvedV1.type, 1)?.contract).toBe(caseResolvedV1);
    expect(ruleFor(caseResolvedV1.type, 2)).toBeUndefined();
  });

  it('subscribes to the mediation, grid and statistics topics as well as the case and intake topics', () => {
    const topics = new Set(eventCatalog.filter((c) => NOTIFIED_EVENT_TYPES.includes(c.type)).map((c) => c.topic));
    expect(topics).toEqual(new Set(['civicflow.hotline.v1', 'civicflow.intake.v1', 'civicflow.case.v1', 'civicflow.mediation.v1', 'civicflow.grid.v1', 'civicflow.statistics.v1']));
    expect(NOTIFIED_EVENT_TYPES).toContain('grid.calendar-coverage-warning');
    expect(sessionReminderV1.topic).toBe('civicflow.mediation.v1');
    expect(NOTIFIED_EVENT_TYPES).toContain('mediation.session-reminder');
    expect(NOTIFIED_EVENT_TYPES).not.toContain('mediation.session-held');
  });

  it('every template has zh-CN and English texts', () => {
    for (const [name, template] of Object.entries(messageTemplates)) {
      expect(isTemplateKey(name)).toBe(true);
      expect(Object.keys(template).sort()).toEqual(['en', 'zh-CN']);
    }
  });
});
