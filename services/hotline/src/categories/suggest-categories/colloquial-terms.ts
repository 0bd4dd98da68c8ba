/**
 * Words callers use → the words the taxonomy uses. Operators type what they hear ("供暖", "狗", "欠薪"), and the
 * taxonomy's names are administrative ("供热", "犬只", "拖欠工资"); without this, those queries find nothing.
 * Keep entries to words whose meaning is unambiguous; a wrong hint costs the operator more than no hint.
 */
export const COLLOQUIAL_TERMS: ReadonlyArray<readonly [colloquial: string, taxonomyTerms: readonly string[]]> = [
  ['供暖', ['供热', '暖气']],
  ['暖气费', ['供热费']],
  ['取暖费', ['供热费']],
  ['噪音', ['噪声']],
  ['吵闹', ['噪声']],
  ['广场舞', ['社会生活噪声']],
  ['狗', ['犬']],
  ['户口', ['户籍']],
  ['社保', ['社会保险', '社保费']],
  ['养老金', ['养老保险']],
  ['欠薪', ['拖欠工资', '农民工工资']],
  ['讨薪', ['拖欠工资', '农民工工资']],
  ['违建', ['违法建设']],
  ['私搭乱建', ['违法建设']],
  ['租房', ['房屋租赁']],
  ['房租', ['房屋租赁']],
  ['下水道', ['排水']],
  ['煤气', ['燃气']],
  ['天然气', ['燃气']],
  ['打车', ['出租车', '网约车']],
  ['医院', ['医疗服务']],
  ['看病', ['医疗服务', '医保报销']],
  ['公积金', ['住房公积金']],
  ['乱停车', ['乱停车', '小区停车']],
];

/** Taxonomy terms for the colloquial words a query contains ("小区供暖不热" → 供热, 暖气). */
export function taxonomyTermsFor(query: string): string[] {
  return COLLOQUIAL_TERMS.filter(([colloquial]) => query.includes(colloquial)).flatMap(([, terms]) => terms);
}
