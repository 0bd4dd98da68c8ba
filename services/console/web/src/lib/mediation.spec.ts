import { explainError, nextWholeMinute, partyEdit, pickLanguage, sessionPhase, toFieldPath } from './mediation';

const apiError = (status: number, body: unknown) => Object.assign(new Error(`HTTP ${status}`), { status, body });

describe('pickLanguage', () => {
  it('shows the half of a bilingual reason in the user’s language', () => {
    expect(pickLanguage('须填写调解地点 the session needs a place', 'zh-CN')).toBe('须填写调解地点');
    expect(pickLanguage('须填写调解地点 the session needs a place', 'en')).toBe('the session needs a place');
    expect(pickLanguage('调解时间不能早于当前时间。 The session cannot start in the past.', 'zh-CN')).toBe('调解时间不能早于当前时间。');
    expect(pickLanguage('尚未达成调解协议 (no agreement is in force)', 'en')).toBe('no agreement is in force');
    expect(pickLanguage('履行期限须为带时区的 ISO 时间 dueAt must be an ISO date-time', 'zh-CN')).toBe('履行期限须为带时区的 ISO 时间');
  });

  it('keeps a text that does not split cleanly', () => {
    expect(pickLanguage('请求参数无效', 'en')).toBe('请求参数无效');
    expect(pickLanguage('must be a phone number', 'zh-CN')).toBe('must be a phone number');
    expect(pickLanguage('调解员在该时段已有调解安排（纠纷 tj-1）', 'en')).toBe('调解员在该时段已有调解安排（纠纷 tj-1）');
  });
});

describe('explainError', () => {
  const known = (path: (string | number)[]) => ['startsAt', 'endsAt', 'place', 'terms.0.partyId'].includes(path.join('.'));

  it('puts 400 field errors next to the fields the form has, the rest in the alert', () => {
    const out = explainError(apiError(400, { message: '请求参数无效', errors: [
      { field: 'startsAt', reason: '调解时间不能早于当前时间。 The session cannot start in the past.' },
      { field: 'terms.0.partyId', reason: 'p-9 不是本纠纷的当事人 is not a party to this dispute' },
      { field: 'terms', reason: '调解协议须至少有一项履行条款 an agreement needs at least one term' },
    ] }), 'zh-CN', known);
    expect(out.fields).toEqual([
      { name: ['startsAt'], errors: ['调解时间不能早于当前时间。'] },
      { name: ['terms', 0, 'partyId'], errors: ['p-9 不是本纠纷的当事人'] },
    ]);
    expect(out.alert).toBe('terms: 调解协议须至少有一项履行条款');
  });

  it('shows a 409 refusal’s reason in the user’s language, with its code', () => {
    const body = { statusCode: 409, message: 'x (y)', reason: { code: 'SESSION_OVERLAPS', zh: '调解员在该时段已有调解安排', en: 'the mediator already has a session then' } };
    expect(explainError(apiError(409, body), 'en', known)).toEqual({ status: 409, fields: [], alert: 'the mediator already has a session then', code: 'SESSION_OVERLAPS' });
    expect(explainError(apiError(409, body), 'zh-CN', known).alert).toBe('调解员在该时段已有调解安排');
  });

  it('falls back to the message, then to the error itself', () => {
    expect(explainError(apiError(403, { message: '不在您的管辖范围内 outside your jurisdiction (bf-d01)' }), 'zh-CN', known).alert).toBe('不在您的管辖范围内');
    expect(explainError(new Error('Failed to fetch'), 'en', known)).toMatchObject({ status: null, alert: 'Failed to fetch' });
  });

  it('reads dotted paths with indexes', () => {
    expect(toFieldPath('commitments.2.by')).toEqual(['commitments', 2, 'by']);
  });
});

describe('session times', () => {
  it('starts a session on the first whole minute after the lead', () => {
    const now = new Date(2026, 4, 4, 10, 0, 50).getTime();
    expect(nextWholeMinute(now, 20_000)).toEqual(new Date(2026, 4, 4, 10, 2, 0));
    expect(nextWholeMinute(new Date(2026, 4, 4, 10, 0, 40).getTime(), 20_000)).toEqual(new Date(2026, 4, 4, 10, 1, 0));
  });

  it('tells upcoming, started and held sessions apart', () => {
    const at = Date.parse('2026-05-04T02:00:00Z');
    expect(sessionPhase({ startsAt: '2026-05-04T02:00:00Z', status: 'scheduled' }, at - 1)).toBe('upcoming');
    expect(sessionPhase({ startsAt: '2026-05-04T02:00:00Z', status: 'scheduled' }, at)).toBe('started');
    expect(sessionPhase({ startsAt: '2026-05-04T02:00:00Z', status: 'held' }, at - 1)).toBe('held');
  });
});

describe('partyEdit', () => {
  it('sends only what changed; empty contacts keep the ones on record', () => {
    expect(partyEdit({ name: '李强', role: 'respondent', address: null }, { name: '李强 ', role: 'respondent', phone: '', address: '3号楼' })).toEqual({ address: '3号楼' });
  });
});
