import fc from 'fast-check';
import { chinaTime, DAY_MS, HOUR_MS } from '../calendar/china-time';
import { checkMediatorConflict, checkSessionTimes, defaultGuidance, disputeTypeForCategory, findOverlap, validateAgreement } from './mediation-rules';

const NOW = chinaTime('2099-03-02', '09:00');

describe('session rules', () => {
  it('wants a future start and an end after it', () => {
    expect(checkSessionTimes(NOW + HOUR_MS, NOW + 2 * HOUR_MS, NOW)).toBeUndefined();
    expect(checkSessionTimes(new Date(NOW + HOUR_MS).toISOString(), new Date(NOW + 2 * HOUR_MS), NOW)).toBeUndefined();
    expect(checkSessionTimes(NOW, NOW + HOUR_MS, NOW)).toMatchObject({ code: 'SESSION_IN_PAST' });
    expect(checkSessionTimes(NOW + HOUR_MS, NOW + HOUR_MS, NOW)).toMatchObject({ code: 'SESSION_ENDS_BEFORE_START' });
    expect(checkSessionTimes('not a date', NOW + HOUR_MS, NOW)).toMatchObject({ code: 'SESSION_INVALID_TIME', zh: '调解时间格式无效。' });
  });

  it('finds the overlapping session of the same mediator, ignoring back-to-back, cancelled and other mediators’ sessions', () => {
    const existing = [
      { sessionId: 'a', mediatorId: 'med-1', startsAt: NOW, endsAt: NOW + 2 * HOUR_MS },
      { sessionId: 'b', mediatorId: 'med-2', startsAt: NOW + 3 * HOUR_MS, endsAt: NOW + 4 * HOUR_MS },
      { sessionId: 'c', mediatorId: 'med-1', startsAt: NOW + 5 * HOUR_MS, endsAt: NOW + 6 * HOUR_MS, cancelled: true },
    ];
    expect(findOverlap(existing, { sessionId: 'x', mediatorId: 'med-1', startsAt: NOW + HOUR_MS, endsAt: NOW + 3 * HOUR_MS })?.sessionId).toBe('a');
    expect(findOverlap(existing, { sessionId: 'x', mediatorId: 'med-1', startsAt: NOW + 2 * HOUR_MS, endsAt: NOW + 3.5 * HOUR_MS })).toBeUndefined();
    expect(findOverlap(existing, { sessionId: 'x', mediatorId: 'med-2', startsAt: NOW + 2 * HOUR_MS, endsAt: NOW + 3.5 * HOUR_MS })?.sessionId).toBe('b');
    expect(findOverlap(existing, { sessionId: 'x', mediatorId: 'med-1', startsAt: NOW + 5 * HOUR_MS, endsAt: NOW + 6 * HOUR_MS })).toBeUndefined();
    expect(findOverlap(existing, { sessionId: 'a', mediatorId: 'med-1', startsAt: NOW + HOUR_MS, endsAt: NOW + 3 * HOUR_MS })).toBeUndefined(); // rescheduling itself
    expect(findOverlap(existing, { sessionId: 'x', startsAt: new Date(NOW + 3.5 * HOUR_MS).toISOString(), endsAt: new Date(NOW + 3.6 * HOUR_MS).toISOString() })?.sessionId).toBe('b');
  });

  const slot = fc.record({ start: fc.integer({ min: 0, max: 1_000 }), length: fc.integer({ min: 1, max: 300 }) });
  const toSession = (id: string, s: { start: number; length: number }) => ({ sessionId: id, startsAt: NOW + s.start * 60_000, endsAt: NOW + (s.start + s.length) * 60_000 });

  it('is symmetric and agrees with interval arithmetic (property)', () => {
    fc.assert(
      fc.property(slot, slot, (a, b) => {
        const sa = toSession('a', a);
        const sb = toSession('b', b);
        const overlaps = sa.startsAt < sb.endsAt && sb.startsAt < sa.endsAt;
        expect(findOverlap([sa], sb) !== undefined).toBe(overlaps);
        expect(findOverlap([sb], sa) !== undefined).toBe(overlaps);
      }),
    );
  });

  it('returns a session that really overlaps, and none when every session is disjoint (property)', () => {
    fc.assert(
      fc.property(fc.array(slot, { maxLength: 12 }), slot, (slots, candidate) => {
        const sessions = slots.map((s, i) => toSession(`s-${i}`, s));
        const c = toSession('c', candidate);
        const found = findOverlap(sessions, c);
        const any = sessions.some((s) => s.startsAt < c.endsAt && c.startsAt < s.endsAt);
        expect(found !== undefined).toBe(any);
        if (found) expect(found.startsAt < c.endsAt && c.startsAt < found.endsAt).toBe(true);
      }),
    );
  });
});

describe('mediator conflict of interest (回避)', () => {
  const mediator = { userId: 'u-med', idNumberHash: 'id-abc', phoneHash: 'ph-123' };

  it('finds a mediator who is a party by user, ID number or phone, naming the match', () => {
    expect(checkMediatorConflict(mediator, [{ userId: 'u-1' }, { userId: 'u-med' }])).toMatchObject({ code: 'MEDIATOR_IS_PARTY', partyIndex: 1, matchedBy: 'userId' });
    expect(checkMediatorConflict(mediator, [{ idNumberHash: 'id-abc' }])).toMatchObject({ matchedBy: 'idNumberHash', zh: '调解员与纠纷当事人身份证号相同，应当回避。' });
    expect(checkMediatorConflict(mediator, [{ phoneHash: 'ph-123' }])).toMatchObject({ matchedBy: 'phoneHash' });
  });

  it('never matches on missing or blank values', () => {
    expect(checkMediatorConflict({ userId: 'u-med' }, [{ userId: 'u-1' }, { idNumberHash: null, phoneHash: '' }, {}])).toBeUndefined();
    expect(checkMediatorConflict({ userId: 'u-med', phoneHash: '' }, [{ phoneHash: '' }])).toBeUndefined();
  });

  it('finds a conflict exactly when some party shares a non-blank identity value (property)', () => {
    const value = fc.option(fc.constantFrom('a', 'b', 'c', ''), { nil: undefined });
    const identity = fc.record({ userId: value, idNumberHash: value, phoneHash: value });
    fc.assert(
      fc.property(identity, fc.array(identity, { maxLength: 5 }), (m, parties) => {
        const med = { ...m, userId: m.userId ?? 'x' };
        const expected = parties.some((p) => (['userId', 'idNumberHash', 'phoneHash'] as const).some((k) => !!med[k] && med[k] === p[k]));
        expect(checkMediatorConflict(med, parties) !== undefined).toBe(expected);
      }),
    );
  });
});

describe('agreement validation (调解协议)', () => {
  const term = { party: 'p-1', obligation: '赔偿 800 元', dueAt: NOW + DAY_MS };
  it('wants an id, at least one term, and each term complete and due in the future', () => {
    expect(validateAgreement({ agreementId: 'a-1', terms: [term, { ...term, dueAt: new Date(NOW + 2 * DAY_MS).toISOString() }] }, NOW)).toBeUndefined();
    expect(validateAgreement({ agreementId: '', terms: [term] }, NOW)).toMatchObject({ code: 'AGREEMENT_ID_REQUIRED' });
    expect(validateAgreement({ agreementId: 'a-1', terms: [] }, NOW)).toMatchObject({ code: 'NO_TERMS', zh: '调解协议须至少有一项履行条款。' });
    expect(validateAgreement({ agreementId: 'a-1', terms: [term, { ...term, party: ' ' }] }, NOW)).toMatchObject({ code: 'TERM_INCOMPLETE', zh: '第 2 项条款须填写履行人 party。' });
    expect(validateAgreement({ agreementId: 'a-1', terms: [{ ...term, obligation: '' }] }, NOW)).toMatchObject({ code: 'TERM_INCOMPLETE' });
    expect(validateAgreement({ agreementId: 'a-1', terms: [{ ...term, dueAt: 'soon' }] }, NOW)).toMatchObject({ code: 'TERM_DUE_INVALID' });
    expect(validateAgreement({ agreementId: 'a-1', terms: [{ ...term, dueAt: NOW }] }, NOW)).toMatchObject({ code: 'TERM_DUE_IN_PAST' });
  });
});

describe('dispute type from the 12345 category', () => {
  it('maps the dispute categories of the shipped taxonomy and refuses the rest', () => {
    expect(disputeTypeForCategory('1601')).toBe('neighbour');
    expect(disputeTypeForCategory('1605')).toBe('neighbour');
    expect(disputeTypeForCategory('1503')).toBe('property-management');
    expect(disputeTypeForCategory('1102')).toBe('wages');
    expect(disputeTypeForCategory('1603')).toBe('family');
    expect(disputeTypeForCategory('0310')).toBe('consumer');
    expect(disputeTypeForCategory('1804')).toBe('land-compound');
    expect(disputeTypeForCategory('1607')).toBe('other'); // 民间借贷纠纷
    expect(disputeTypeForCategory('0208')).toBeUndefined(); // 路灯照明: not a dispute
    expect(disputeTypeForCategory('9999')).toBeUndefined();
  });

  it('guides wage disputes to arbitration first (劳动争议仲裁前置), the rest to the courts', () => {
    expect(defaultGuidance('wages')).toBe('arbitration');
    expect(defaultGuidance('neighbour')).toBe('litigation');
  });
});
