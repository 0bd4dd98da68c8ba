// 人民调解协议书: what the printed agreement says, assembled from the dispute without any I/O, so its content is
// unit-tested; agreement-pdf.renderer.ts only lays it out. The sections follow the usual form of the document
// (《人民调解法》第二十八、二十九条): parties, the dispute, the terms, performance, effect, signatures.

export interface AgreementDocumentInput {
  disputeId: string;
  agreementId: string;
  committeeName: string;
  mediatorName: string;
  disputeTypeLabel: string;
  summary: string;
  amountAtStakeCny: number | null;
  parties: { role: 'applicant' | 'respondent' | 'other'; name: string; phoneMasked: string | null; address: string | null }[];
  terms: { party: string; obligation: string; dueAt: string }[];
  reachedAt: string;
}

export interface AgreementDocument {
  title: string;
  number: string;
  parties: string[];
  facts: string[];
  termsHeader: [string, string, string, string];
  termRows: [string, string, string, string][];
  clauses: string[];
  signatures: { label: string; line: string }[];
  footer: string;
}

const ROLE_LABELS = { applicant: '申请人', respondent: '被申请人', other: '其他当事人' } as const;

/** A date in China time as 2026年12月1日. */
export function chinaDate(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

export function agreementDocument(input: AgreementDocumentInput): AgreementDocument {
  const partyLines = input.parties.map((p) =>
    [`${ROLE_LABELS[p.role]}：${p.name}`, p.phoneMasked ? `联系电话：${p.phoneMasked}` : null, p.address ? `住址：${p.address}` : null].filter(Boolean).join('　'));
  const facts = [
    `纠纷类型：${input.disputeTypeLabel}`,
    `纠纷简要情况：${input.summary}`,
    ...(input.amountAtStakeCny !== null ? [`争议金额：人民币 ${input.amountAtStakeCny.toFixed(2)} 元`] : []),
    `经${input.committeeName}调解员${input.mediatorName}主持调解，当事人自愿达成如下协议：`,
  ];
  return {
    title: '人民调解协议书',
    number: `编号：${input.agreementId}（纠纷 ${input.disputeId}）`,
    parties: partyLines,
    facts,
    termsHeader: ['序号', '履行义务人', '履行内容', '履行期限'],
    termRows: input.terms.map((t, i) => [String(i + 1), t.party, t.obligation, chinaDate(t.dueAt)]),
    clauses: [
      '履行方式、时限：各方按上表所列内容和期限履行，调解委员会将对协议履行情况进行回访。',
      '本协议经各方当事人签名（盖章或按指印）、人民调解员签名并加盖人民调解委员会印章之日起生效。',
      '经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。',
      '双方当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认。',
      `本协议一式 ${input.parties.length + 1} 份，当事人各执一份，人民调解委员会留存一份。`,
    ],
    signatures: [
      ...input.parties.map((p) => ({ label: `${ROLE_LABELS[p.role]}（签名）`, line: p.name })),
      { label: '人民调解员（签名）', line: input.mediatorName },
      { label: '人民调解委员会（盖章）', line: input.committeeName },
    ],
    footer: chinaDate(input.reachedAt),
  };
}
