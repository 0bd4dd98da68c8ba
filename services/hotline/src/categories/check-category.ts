import { MajorCategory, MinorCategory, REQUEST_TYPE_LABELS, RequestType, TaxonomyIndex } from '@civicflow/domain';

export type CategoryCheck =
  | { ok: true; minor: MinorCategory; major: MajorCategory }
  | { ok: false; field: 'categoryCode' | 'requestType'; zh: string; en: string };

/**
 * A call names a minor category (小类) the taxonomy knows, and a request type that category takes:
 * 0208 路灯照明 takes complaints and help requests, not inquiries.
 */
export function checkCategory(taxonomy: TaxonomyIndex, categoryCode: string, requestType: RequestType): CategoryCheck {
  const minor = taxonomy.minorByCode(categoryCode);
  if (!minor) {
    const major = taxonomy.majorByCode(categoryCode);
    return major
      ? {
          ok: false,
          field: 'categoryCode',
          zh: `${categoryCode} 是大类「${major.zh}」,请选择其下的小类`,
          en: `${categoryCode} is the major category "${major.en}"; choose one of its minor categories`,
        }
      : { ok: false, field: 'categoryCode', zh: `未知的分类代码 ${categoryCode}`, en: `unknown category code ${categoryCode}` };
  }
  if (!minor.requestTypes.includes(requestType)) {
    const allowed = minor.requestTypes.map((t) => REQUEST_TYPE_LABELS[t]);
    return {
      ok: false,
      field: 'requestType',
      zh: `分类 ${minor.code}「${minor.zh}」不受理${REQUEST_TYPE_LABELS[requestType].zh}类诉求,可选:${allowed.map((l) => l.zh).join('、')}`,
      en: `category ${minor.code} "${minor.en}" does not take ${requestType} requests; it takes: ${minor.requestTypes.join(', ')}`,
    };
  }
  return { ok: true, minor, major: taxonomy.majorOf(minor) };
}
