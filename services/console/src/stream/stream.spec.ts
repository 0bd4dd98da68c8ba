import { parseCaseEvent } from '@civicflow/contracts';
import { caseUpdateOf, mayReceive } from './case-update';
import { LiveStreamHub } from './live-stream.hub';
import { SseParser } from './sse-parser';

// events as the transport hands them over: validated against their contracts
const event = (type: string, data: Record<string, unknown>) =>
  parseCaseEvent({ id: 'e', type, version: 1, time: '2026-11-28T01:00:00Z', key: '20261128-000001', source: 'workflows', correlationId: 'c', data: { caseNumber: '20261128-000001', ...data } });
const moved = (sequence: number, stage: string, level: string | null, unitId: string | null) => ({ sequence, occurredAt: '2026-11-28T01:00:00Z', stage, level, unitId, sla: null });

describe('case updates on the live stream', () => {
  it('reaches the holding unit and any supervisor, nobody else', () => {
    const update = caseUpdateOf(event('case.accepted', moved(2, 'in-handling', 'community', 'bf-d01-s01-c01')));
    expect(update.message).toEqual({ type: 'case-updated', caseNumber: '20261128-000001', eventType: 'case.accepted', unitId: 'bf-d01-s01-c01', stage: 'in-handling' });
    expect(mayReceive({ role: 'community-handler', unitId: 'bf-d01-s01-c01' }, update)).toBe(true);
    expect(mayReceive({ role: 'supervisor', unitId: 'bf' }, update)).toBe(true);
    expect(mayReceive({ role: 'community-handler', unitId: 'bf-d01-s01-c02' }, update)).toBe(false);
    expect(mayReceive({ role: 'street-coordinator', unitId: 'bf-d01-s01' }, update)).toBe(false);
  });

  it('reaches summoned departments too', () => {
    const summoned = caseUpdateOf(event('case.departments-summoned', { ...moved(3, 'in-handling', 'department', 'bf-d01-s01'), summonses: [{ departmentId: 'dept-water', summonsId: 's', sla: null }] }));
    expect(mayReceive({ role: 'department-liaison', unitId: 'dept-water' }, summoned)).toBe(true);
    expect(summoned.message.unitId).toBe('bf-d01-s01');
    const registered = caseUpdateOf(event('case.registered', { channel: 'hotline', sourceRef: 'call-1', requestType: 'complaint', urgency: 'normal', registeredAt: '2026-11-28T01:00:00Z' }));
    expect(registered.message).toMatchObject({ stage: 'registered', unitId: null });
    expect(registered.units).toEqual([]);
  });

  it('the hub writes only to connections that may receive the update', () => {
    const hub = new LiveStreamHub();
    const written: Record<string, string[]> = { a: [], b: [] };
    hub.add({ user: { userId: 'a', name: 'a', role: 'community-handler', unitId: 'u1' }, write: (c) => written.a.push(c) });
    const removeB = hub.add({ user: { userId: 'b', name: 'b', role: 'community-handler', unitId: 'u2' }, write: (c) => written.b.push(c) });
    expect(hub.publish(caseUpdateOf(event('case.accepted', moved(2, 'in-handling', 'community', 'u1'))))).toBe(1);
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
