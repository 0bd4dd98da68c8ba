import { formatChinaTime, shorten } from './format';
import { messageTemplates, TemplateKey } from './message-templates';
import { categoryLabel, renderMessage } from './render-message';

describe('message templates', () => {
  const registered = { caseNumber: '20260310-000042', categoryCode: '0501', unitId: 'bf-d01-s01-c01', at: '2026-03-10T06:05:00Z' };

  it('formats times in Beijing time for each locale, whatever the server zone', () => {
    // 17:30 UTC is already the next morning in Beijing
    expect(formatChinaTime('2026-03-10T17:30:00Z', 'zh-CN')).toBe('2026年3月11日 01:30');
    expect(formatChinaTime('2026-03-10T17:30:00Z', 'en')).toBe('11 Mar 2026, 01:30 (Beijing time)');
    expect(formatChinaTime('2026-12-31T16:00:00.000+00:00', 'zh-CN')).toBe('2027年1月1日 00:00');
  });

  it('renders the citizen SMS for a registered case in Chinese by default words', () => {
    const message = renderMessage('case-registered.citizen', registered, 'zh-CN', { unitName: { zh: '阳光社区', en: 'Yangguang Community' } });
    const category = categoryLabel('0501', 'zh-CN');
    expect(category).not.toBe('0501'); // a real 12345 category name from the taxonomy
    expect(message.sms).toBe(`您反映的“${category}”问题已受理，编号20260310-000042，将由阳光社区办理。查询请拨12345。`);
    expect(message.title).toBe('诉求已受理 20260310-000042');
    expect(message.body).toContain('2026年3月10日 14:05');
    expect(message.fields).toMatchObject({ caseNumber: '20260310-000042', status: '已受理', unit: '阳光社区', time: '2026年3月10日 14:05' });
    expect(message.link).toBe('/cases/20260310-000042');
  });

  it('renders the same notice in English with the English category and unit names', () => {
    const message = renderMessage('case-registered.citizen', registered, 'en', { unitName: { zh: '阳光社区', en: 'Yangguang Community' } });
    expect(message.sms).toBe(`Your report (${categoryLabel('0501', 'en')}) is registered as case 20260310-000042, handled by Yangguang Community. Call 12345 to ask.`);
    expect(message.body).toContain('10 Mar 2026, 14:05 (Beijing time)');
    expect(message.fields.status).toBe('registered');
  });

  it('falls back to neutral words when the category or unit is unknown', () => {
    const zh = renderMessage('case-registered.citizen', { caseNumber: '20260310-000001', at: registered.at }, 'zh-CN');
    expect(zh.sms).toContain('“未分类”');
    expect(zh.sms).toContain('将由相关单位办理');
    const en = renderMessage('case-registered.citizen', { caseNumber: '20260310-000001', at: registered.at }, 'en');
    expect(en.sms).toContain('handled by the responsible unit');
  });

  it('puts the outcome and the callback deadline into the resolution, cut to SMS size', () => {
    const summary = '已更换路灯灯头并检修线路，经现场确认恢复照明，后续将纳入日常巡查范围持续关注。';
    const message = renderMessage(
      'case-resolved.citizen',
      { caseNumber: '20260310-000042', unitId: 'bf-d01-s01-c01', at: '2026-03-11T02:00:00Z', deadline: '2026-03-12T10:00:00Z', summary },
      'zh-CN',
    );
    expect(message.body).toContain(`办理结果：${summary}`);
    expect(message.body).toContain('2026年3月12日 18:00 前回访');
    expect(message.sms).toContain(shorten(summary, 30));
    expect(message.sms).toContain('…');
    // no unit name known: 相关单位, never the id
    expect(message.sms).toContain('已由相关单位办结');
    expect(message.sms).not.toContain('bf-d01');
  });

  it('says a provisional deadline is provisional (暂定), in the reader\'s language', () => {
    const facts = { caseNumber: '20261224-000001', unitId: 'bf-d01-s01-c01', at: '2026-12-31T02:00:00Z', deadline: '2027-01-05T02:00:00Z', deadlineProvisional: true, summary: '已修复' };
    expect(renderMessage('case-resolved.citizen', facts, 'zh-CN').sms).toContain('2027年1月5日 10:00（暂定）前将回访');
    expect(renderMessage('case-resolved.citizen', facts, 'en').sms).toContain('before 5 Jan 2027, 10:00 (Beijing time) (provisional)');
  });

  it('words the manual-dispatch reason in the reader\'s language', () => {
    expect(renderMessage('manual-dispatch-queued.dispatchers', { caseNumber: '20260310-000007', reason: 'outside-every-grid' }, 'zh-CN').body).toContain(
      '无法自动派单：位置不在任何网格内',
    );
    expect(renderMessage('manual-dispatch-queued.dispatchers', { caseNumber: '20260310-000007', reason: 'address-unknown' }, 'en').body).toContain(
      'the address was not recognised',
    );
  });

  it('shortens by characters, never splitting one', () => {
    expect(shorten('一二三四五', 5)).toBe('一二三四五');
    expect(shorten('一二三四五六', 5)).toBe('一二三四…');
  });

  it('renders every template in both languages from full facts and from none, never printing undefined', () => {
    const full = {
      caseNumber: '20260310-000042', categoryCode: '0501', unitId: 'bf-d01-s01-c01', at: '2026-03-10T02:00:00Z', deadline: '2026-03-12T02:00:00Z',
      summary: '已处理', reason: 'callback-unreachable', duration: { basis: 'working', amount: 1, unit: 'days' } as const,
      relatedCaseNumbers: ['20260310-000043'], disputeId: 'dsp-1', disputeType: 'family', place: '调解室', nth: 1, count: 2, plan: '方案',
    };
    for (const template of Object.keys(messageTemplates) as TemplateKey[]) {
      for (const locale of ['zh-CN', 'en'] as const) {
        for (const facts of [full, {}]) {
          const message = renderMessage(template, facts, locale);
          const text = [message.title, message.body, message.sms, ...Object.values(message.fields)].join('\n');
          expect({ template, locale, text }).toEqual({ template, locale, text: expect.not.stringMatching(/undefined|NaN|\[object/) });
          expect(message.title.trim()).not.toBe('');
        }
      }
    }
  });

  it('words an extension, related cases and a dispute in the reader\'s language', () => {
    const facts = { caseNumber: '20260310-000042', duration: { basis: 'working', amount: 1, unit: 'days' } as const, deadline: '2026-03-12T02:00:00Z' };
    expect(renderMessage('case-extension-decided.approved', facts, 'zh-CN').sms).toBe('案件20260310-000042延期1个工作日已批准，新时限2026年3月12日 10:00。');
    expect(renderMessage('case-extension-decided.approved', facts, 'en').sms).toBe(
      'Case 20260310-000042: extension of 1 working day approved. New deadline 12 Mar 2026, 10:00 (Beijing time).',
    );
    const dispute = renderMessage('mediator-assigned.mediator', { disputeId: 'dsp-1', disputeType: 'land-compound', at: '2026-03-10T02:00:00Z' }, 'en');
    expect(dispute.body).toBe('You were assigned at 10 Mar 2026, 10:00 (Beijing time) to mediate a land or compound dispute (dsp-1). Please contact the parties and schedule a session.');
    expect(dispute.link).toBe('/disputes/dsp-1');
    // an unknown dispute type still reads as a dispute
    expect(renderMessage('mediator-assigned.mediator', { disputeId: 'dsp-1', disputeType: 'boundary' }, 'zh-CN').body).toContain('调解一起其他纠纷');
  });
});
