import type { caseProjectedV1, EventData, EventEnvelope } from '@civicflow/contracts';
import { caseUpdateOf, mayReceive } from './case-update';
import { LiveStreamHub } from './live-stream.hub';
import { SseParser } from './sse-parser';

/** casework.case-projected for a case event, with the units that see the case. */
const event = (eventType: string, data: { unitId?: string | null; stage?: string; units?: string[] }) =>
  ({
    id: 'e', type: 'casework.case-projected', version: 1, time: '2026-11-28T01:00:00Z', key: '20261128-000001', source: 'casework', correlationId: 'c',
    data: { caseNumber: '20261128-000001', eventType, sequence: 1, stage: data.stage ?? 'registered', unitId: data.unitId ?? null, units: data.units ?? (data.unitId ? [data.unitId] : []) },
  }) as EventEnvelope<EventData<typeof caseProjectedV1>>;

describe('case updates on the live stream', () => {
  it('reaches the holding unit and any supervisor, nobody else', () => {
    const update = caseUpdateOf(event('case.accepted', { stage: 'in-handling', unitId: 'bf-d01-s01-c01' }));
    expect(update.message).toEqual({ type: 'case-updated', caseNumber: '20261128-000001', eventType: 'case.accepted', unitId: 'bf-d01-s01-c01', stage: 'in-handling' });
    expect(mayReceive({ role: 'community-handler', unitId: 'bf-d01-s01-c01' }, update)).toBe(true);
    expect(mayReceive({ role: 'supervisor', unitId: 'bf' }, update)).toBe(true);
    expect(mayReceive({ role: 'community-handler', unitId: 'bf-d01-s01-c02' }, update)).toBe(false);
    expect(mayReceive({ role: 'street-coordinator', unitId: 'bf-d01-s01' }, update)).toBe(false);
  });

  it('reaches summoned departments and the grid worker of the case’s grid too', () => {
    const summoned = caseUpdateOf(event('case.departments-summoned', { stage: 'in-handling', unitId: 'bf-d01-s01', units: ['bf', 'bf-d01', 'bf-d01-s01', 'bf-d01-s01-c01', 'bf-d01-s01-c01-g01', 'dept-water'] }));
    expect(mayReceive({ role: 'department-liaison', unitId: 'dept-water' }, summoned)).toBe(true);
    expect(mayReceive({ role: 'grid-worker', unitId: 'bf-d01-s01-c01-g01' }, summoned)).toBe(true);
    expect(mayReceive({ role: 'grid-worker', unitId: 'bf-d01-s01-c01-g02' }, summoned)).toBe(false);
    expect(summoned.message).toMatchObject({ unitId: 'bf-d01-s01', eventType: 'case.departments-summoned' });
    const registered = caseUpdateOf(event('case.registered', {}));
    expect(registered.message).toMatchObject({ stage: 'registered', unitId: null });
    expect(registered.units).toEqual([]);
  });

  it('the hub writes only to connections that may receive the update', () => {
    const hub = new LiveStreamHub();
    const written: Record<string, string[]> = { a: [], b: [] };
    hub.add({ user: { userId: 'a', name: 'a', role: 'community-handler', unitId: 'u1' }, write: (c) => written.a.push(c) });
    const removeB = hub.add({ user: { userId: 'b', name: 'b', role: 'community-handler', unitId: 'u2' }, write: (c) => written.b.push(c) });
    expect(hub.publish(caseUpdateOf(event('case.accepted', { unitId: 'u1', stage: 'in-handling' })))).toBe(1);
    expect(written.a).toEqual([expect.stringMatching(/^data: \{"type":"case-updated".*\}\n\n$/)]);
    expect(written.b).toEqual([]);
    removeB();
    expect(hub.size).toBe(1);
  });
});

describe('SSE parser', () => {
  it('parses events split across chunks, with CRLF, comments and multi-line data', () => {
    const parser = new SseParser();
    expect(parser.feed(': ping\n\nevent: inbox-item\nid: 7\nda')).toEqual([]);
    expect(parser.feed('ta: {"a":1}\r\ndata: x\r\n\r')).toEqual([]);
    expect(parser.feed('\nevent: ping\ndata:\n\ndata: plain\n\n')).toEqual([
      { event: 'inbox-item', data: '{"a":1}\nx', id: '7' },
      { event: 'ping', data: '', id: '7' },
      { event: 'message', data: 'plain', id: '7' },
    ]);
  });
});
