import type { Bilingual } from '../shared/bilingual';

/** The administrative ladder below the city, from the seeds: 市 → 区/旗/县 → 街道/苏木乡镇 → 社区/嘎查村 → 网格. */
export type OrgLevel = 'city' | 'district' | 'street' | 'community' | 'grid';

/** A unit is a level of the ladder or a functional department hanging off the city or a district. */
export type OrgUnitKind = OrgLevel | 'department';

/** The local name of a level; Inner Mongolia uses 旗, 苏木 and 嘎查 where other provinces say 县, 乡 and 村. */
export type LocalUnitForm =
  | 'district' // 区
  | 'banner' // 旗
  | 'county' // 县
  | 'street' // 街道
  | 'sumu' // 苏木
  | 'township' // 乡
  | 'town' // 镇
  | 'community' // 社区
  | 'gacha' // 嘎查
  | 'village'; // 村

export const LOCAL_UNIT_FORMS: Readonly<Record<LocalUnitForm, Bilingual & { level: OrgLevel }>> = {
  district: { zh: '区', en: 'district', level: 'district' },
  banner: { zh: '旗', en: 'banner', level: 'district' },
  county: { zh: '县', en: 'county', level: 'district' },
  street: { zh: '街道', en: 'street', level: 'street' },
  sumu: { zh: '苏木', en: 'sumu', level: 'street' },
  township: { zh: '乡', en: 'township', level: 'street' },
  town: { zh: '镇', en: 'town', level: 'street' },
  community: { zh: '社区', en: 'community', level: 'community' },
  gacha: { zh: '嘎查', en: 'gacha', level: 'community' },
  village: { zh: '村', en: 'village', level: 'community' },
};

export interface OrgUnit {
  readonly id: string;
  readonly name: string;
  readonly kind: OrgUnitKind;
  /** null only for the city at the root. */
  readonly parentId: string | null;
  readonly localForm?: LocalUnitForm;
  /** For departments: the DepartmentType code (e.g. 'housing'), matching the taxonomy. */
  readonly departmentCode?: string;
}

/** Depth of each ladder level; a unit's parent is exactly one level up (departments excepted). */
export const ORG_LEVEL_DEPTH: Readonly<Record<OrgLevel, number>> = { city: 0, district: 1, street: 2, community: 3, grid: 4 };

/** Which kinds may be a unit's parent. Departments serve the city or a district. */
export const ALLOWED_PARENT_KINDS: Readonly<Record<OrgUnitKind, readonly OrgUnitKind[]>> = {
  city: [],
  district: ['city'],
  street: ['district'],
  community: ['street'],
  grid: ['community'],
  department: ['city', 'district'],
};
