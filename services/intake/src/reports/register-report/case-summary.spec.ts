import { caseSummary } from './case-workflow.starter';

describe('caseSummary (受理摘要)', () => {
  it('keeps a short request as it is, on one line', () => {
    expect(caseSummary('  楼下路灯不亮\n已经三天了 ')).toBe('楼下路灯不亮 已经三天了');
  });
  it('cuts a long request to 120 characters ending with an ellipsis', () => {
    const summary = caseSummary('噪'.repeat(300));
    expect(summary).toHaveLength(120);
    expect(summary.endsWith('…')).toBe(true);
  });
});
