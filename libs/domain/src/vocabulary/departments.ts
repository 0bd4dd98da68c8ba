import type { Bilingual } from '../shared/bilingual';

/** A functional department (职能部门) that a street can summon (吹哨) and that owns taxonomy categories. */
export interface DepartmentType extends Bilingual {
  readonly code: string;
}

/**
 * The department types of a typical city. Codes are what the taxonomy's `department` field refers to; the org
 * tree holds one department unit per type, `dept-<code>` (see departmentUnitId), under the city or a district.
 * A new department type is one line here: the demo city, the taxonomy check, the console's summons picker and
 * every name shown for the department follow.
 */
export const DEPARTMENT_TYPES: readonly DepartmentType[] = [
  { code: 'housing', zh: '住房和城乡建设局', en: 'Housing and Urban-Rural Development' },
  { code: 'urban-management', zh: '城市管理综合执法局', en: 'Urban Management and Law Enforcement' },
  { code: 'market-regulation', zh: '市场监督管理局', en: 'Market Regulation' },
  { code: 'ecology-environment', zh: '生态环境局', en: 'Ecology and Environment' },
  { code: 'police', zh: '公安局', en: 'Public Security (Police)' },
  { code: 'water', zh: '水务局', en: 'Water Affairs' },
  { code: 'heating', zh: '供热管理办公室', en: 'Heating Supply' },
  { code: 'power', zh: '供电公司', en: 'Power Supply' },
  { code: 'gas', zh: '燃气管理办公室', en: 'Gas Supply' },
  { code: 'transport', zh: '交通运输局', en: 'Transport' },
  { code: 'human-resources', zh: '人力资源和社会保障局', en: 'Human Resources and Social Security' },
  { code: 'civil-affairs', zh: '民政局', en: 'Civil Affairs' },
  { code: 'health', zh: '卫生健康委员会', en: 'Health Commission' },
  { code: 'education', zh: '教育局', en: 'Education' },
  { code: 'natural-resources', zh: '自然资源局', en: 'Natural Resources and Planning' },
  { code: 'agriculture', zh: '农牧局', en: 'Agriculture and Animal Husbandry' },
  { code: 'forestry-grassland', zh: '林业和草原局', en: 'Forestry and Grassland' },
  { code: 'culture-tourism', zh: '文化旅游体育局', en: 'Culture, Tourism and Sports' },
  { code: 'emergency-management', zh: '应急管理局', en: 'Emergency Management' },
  { code: 'fire-rescue', zh: '消防救援支队', en: 'Fire and Rescue' },
  { code: 'government-services', zh: '政务服务与数据管理局', en: 'Government Services and Data' },
  { code: 'tax', zh: '税务局', en: 'Taxation' },
  { code: 'medical-insurance', zh: '医疗保障局', en: 'Medical Insurance' },
  { code: 'housing-fund', zh: '住房公积金管理中心', en: 'Housing Provident Fund Centre' },
  { code: 'veterans-affairs', zh: '退役军人事务局', en: 'Veterans Affairs' },
  { code: 'justice', zh: '司法局', en: 'Justice (People’s Mediation)' },
  { code: 'industry-it', zh: '工业和信息化局', en: 'Industry and Information Technology' },
  { code: 'postal', zh: '邮政管理局', en: 'Postal Administration' },
  { code: 'finance', zh: '财政局', en: 'Finance' },
  { code: 'commerce', zh: '商务局', en: 'Commerce' },
];

export const DEPARTMENT_CODES: readonly string[] = DEPARTMENT_TYPES.map((department) => department.code);

export function departmentTypeByCode(code: string): DepartmentType | undefined {
  return DEPARTMENT_TYPES.find((department) => department.code === code);
}

const DEPARTMENT_UNIT_PREFIX = 'dept-';

/**
 * A department is named by its org unit, `dept-<code>`, wherever a unit is meant (summonses, tokens, inboxes,
 * figures); the bare code only says which department type a taxonomy category belongs to. A unit id is
 * returned as it is, so this also reads a department id written either way.
 */
export function departmentUnitId(codeOrUnitId: string): string {
  return isDepartmentUnit(codeOrUnitId) ? codeOrUnitId : `${DEPARTMENT_UNIT_PREFIX}${codeOrUnitId}`;
}

export function isDepartmentUnit(unitId: string): boolean {
  return unitId.startsWith(DEPARTMENT_UNIT_PREFIX);
}

/** The department type of a department unit (or of a bare code), if it is one of DEPARTMENT_TYPES. */
export function departmentTypeOf(codeOrUnitId: string): DepartmentType | undefined {
  return departmentTypeByCode(isDepartmentUnit(codeOrUnitId) ? codeOrUnitId.slice(DEPARTMENT_UNIT_PREFIX.length) : codeOrUnitId);
}
