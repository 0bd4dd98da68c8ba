import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventCatalog, findContract } from './event-catalog';
import { renderEventCatalog } from './render-catalog';
import { validateEvent } from './validate-event';
import { callLoggedV1 } from '../hotline/call-logged.event';

const goodCall = {
  id: 'e1', type: 'hotline.call-logged', version: 1, time: '2026-11-28T08:00:00.000Z', key: 'c1', source: 'hotline', correlationId: 'c1',
  data: { callId: 'c1', receivedAt: '2026-11-28T08:00:00.000Z', callerRef: 'h', callerMasked: '138****0000', content: '路灯坏了', requestType: 'complaint', urgency: 'normal' },
};

describe('event catalog', () => {
  it('names every topic civicflow.<context>.v<major> and every type <context>.<action>, each type@version once', () => {
    const ids = eventCatalog.map((c) => `${c.type}@${c.version}`);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of eventCatalog) {
      expect(c.topic).toMatch(/^civicflow\.[a-z]+(\.(requests|replies))?\.v\d+$/);
      expect(c.type.startsWith(`${c.context}.`)).toBe(true);
    }
    expect(findContract('hotline.call-logged', 1)).toBe(callLoggedV1);
  });

  it('accepts a valid event and names the field that breaks a contract', () => {
    expect(validateEvent(goodCall)).toMatchObject({ ok: true });
    const bad = validateEvent({ ...goodCall, data: { ...goodCall.data, requestType: 'gossip' } });
    expect(bad).toMatchObject({ ok: false });
    expect(!bad.ok && bad.reason).toMatch(/data\.requestType/);
    expect(validateEvent({ ...goodCall, version: 9 })).toEqual({ ok: false, reason: 'unknown event type hotline.call-logged v9' });
    expect(validateEvent({ ...goodCall, id: undefined })).toMatchObject({ ok: false, reason: expect.stringMatching(/envelope: id/) });
  });

  it('keeps docs/events.md in sync with the schemas (regenerate with npm run docs:events)', () => {
    const committed = readFileSync(join(__dirname, '../../../../docs/events.md'), 'utf8');
    expect(committed).toBe(renderEventCatalog());
  });
});
