import { createServer } from 'node:net';
import { randomInt } from 'node:crypto';
import { caseAcceptedV1, caseDispatchedV1, caseRegisteredV1, CaseEventEnvelope } from '@civicflow/contracts';
import type { EventPublisher } from '@civicflow/platform';

/** A port free on loopback now (for a service process the test starts). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const COMMUNITY = 'bf-d01-s01-c01';
const STREET = 'bf-d01-s01';

/** A day of 2021–2022 picked at random (a run of its own, in a day's statistics), and its instants from 09:00 China time. */
export function backlogDay(): { day: string; at: (minute: number) => string } {
  const day = new Date(Date.UTC(2021, 0, 1) + randomInt(0, 700) * 86_400_000).toISOString().slice(0, 10);
  return { day, at: (minute) => new Date(Date.parse(`${day}T09:00:00+08:00`) + minute * 60_000).toISOString() };
}

/**
 * A backlog for a projection to work off: registered, dispatched and accepted (签收) for each of `count` cases of
 * 锦华 community on `day`, numbered from `firstNumber`, built as the case worker builds them.
 */
export function caseBacklog(publisher: EventPublisher, options: { day: ReturnType<typeof backlogDay>; count: number; firstNumber: number; runId: string }): { numbers: string[]; events: CaseEventEnvelope[] } {
  const { day: { day, at }, count, firstNumber, runId } = options;
  const sla = (window: string) => ({ window, startedAt: at(0), status: 'on-track', paused: false, deadline: at(600), warningAt: null }) as never;
  const numbers = Array.from({ length: count }, (_, i) => `${day.replaceAll('-', '')}-${String(firstNumber + i)}`);
  const events = numbers.flatMap((caseNumber) => {
    const common = { key: caseNumber, correlationId: `corr-${runId}`, actor: { userId: 'system', role: 'system' } } as const;
    return [
      publisher.build(caseRegisteredV1, { ...common, id: `${caseNumber}:registered`, data: {
        caseNumber, channel: 'hotline', sourceRef: `call-${caseNumber}`, requestType: 'complaint', urgency: 'normal', categoryCode: '0208',
        orgPath: ['bf', 'bf-d01', STREET, COMMUNITY, `${COMMUNITY}-g01`], registeredAt: at(0) } }),
      publisher.build(caseDispatchedV1, { ...common, id: `${caseNumber}:1`, data: {
        caseNumber, sequence: 1, occurredAt: at(1), stage: 'dispatched', level: 'community', unitId: COMMUNITY, sla: sla('acceptance'),
        assigneeUnitId: COMMUNITY, redispatch: false, route: { streetId: STREET, communityId: COMMUNITY, gridId: `${COMMUNITY}-g01` } } }),
      publisher.build(caseAcceptedV1, { ...common, id: `${caseNumber}:2`, data: {
        caseNumber, sequence: 2, occurredAt: at(2), stage: 'in-handling', level: 'community', unitId: COMMUNITY, sla: sla('community-handling') } }),
    ] as CaseEventEnvelope[];
  });
  return { numbers, events };
}
