import { agreementDocument, AgreementDocumentInput, chinaDate } from './agreement-document';
import { PdfFontMissingError } from '@civicflow/platform';
import { assertAgreementFont, renderAgreementPdf } from './agreement-pdf.renderer';
import { pdfText } from '@civicflow/testing';

const input: AgreementDocumentInput = {
  disputeId: 'tj-20261128-000042',
  agreementId: 'XY-0001',
  committeeName: '锦华社区人民调解委员会',
  mediatorName: '陈调解',
  disputeTypeLabel: '邻里纠纷',
  summary: '楼上卫生间漏水，楼下天花板受损',
  amountAtStakeCny: 1800,
  parties: [
    { role: 'applicant', name: '王明', phoneMasked: '138****5678', address: '锦绣花园3号楼2单元401' },
    { role: 'respondent', name: '李强', phoneMasked: null, address: null },
  ],
  terms: [
    { party: '李强', obligation: '修复卫生间防水层', dueAt: '2026-12-05T16:00:00.000Z' },
    { party: '李强', obligation: '赔偿王明维修费人民币1800元', dueAt: '2026-12-10T16:00:00.000Z' },
  ],
  reachedAt: '2026-11-30T02:00:00.000Z',
};

describe('人民调解协议书 content', () => {
  const content = agreementDocument(input);

  it('names the parties (contacts masked), the dispute and the committee', () => {
    expect(content.title).toBe('人民调解协议书');
    expect(content.parties).toEqual(['申请人：王明　联系电话：138****5678　住址：锦绣花园3号楼2单元401', '被申请人：李强']);
    expect(content.facts).toContain('争议金额：人民币 1800.00 元');
    expect(content.facts.at(-1)).toContain('锦华社区人民调解委员会调解员陈调解主持调解');
  });

  it('tables the terms with due dates in China time', () => {
    expect(content.termRows).toEqual([
      ['1', '李强', '修复卫生间防水层', '2026年12月6日'],
      ['2', '李强', '赔偿王明维修费人民币1800元', '2026年12月11日'],
    ]);
    expect(chinaDate('2026-11-30T15:59:59.000Z')).toBe('2026年11月30日');
    expect(chinaDate('2026-11-30T16:00:00.000Z')).toBe('2026年12月1日');
  });

  it('has a signature line for every party, the mediator and the committee', () => {
    expect(content.signatures.map((s) => s.label)).toEqual(['申请人（签名）', '被申请人（签名）', '人民调解员（签名）', '人民调解委员会（盖章）']);
    expect(content.clauses.join('')).toContain('司法确认');
    expect(content.footer).toBe('2026年11月30日');
  });
});

describe('人民调解协议书 PDF', () => {
  const font = { path: process.env.MEDIATION_PDF_FONT ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' };

  it('is a PDF whose text holds the title, the terms and the signatures', async () => {
    const pdf = await renderAgreementPdf(agreementDocument(input), font);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const expected of ['人民调解协议书', '修复卫生间防水层', '赔偿王明维修费人民币1800元', '2026年12月11日', '人民调解员（签名）', '锦华社区人民调解委员会']) {
      expect(text).toContain(expected);
    }
  });

  it('names the package to install when the font is missing', () => {
    expect(() => assertAgreementFont({ path: '/nowhere/font.ttc', family: 'x' })).toThrow(PdfFontMissingError);
    expect(() => assertAgreementFont({ path: '/nowhere/font.ttc', family: 'x' })).toThrow(/apt-get install fonts-noto-cjk/);
  });
});
