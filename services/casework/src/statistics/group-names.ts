import { defaultTaxonomy } from '@civicflow/domain';
import { type OrgUnitNames, unitNameFrom } from '@civicflow/platform';
import type { GroupBy } from './rates';

/** 类别名称: the minor category's Chinese name, else the major's, else the code. */
export function categoryName(code: string): string {
  const taxonomy = defaultTaxonomy();
  return taxonomy.minorByCode(code)?.zh ?? taxonomy.majorByCode(code)?.zh ?? code;
}

/** Display name of a group key: its category's or its unit's name (the grid's org tree), else the key itself. */
export function groupName(groupBy: GroupBy | 'grid', key: string, units: OrgUnitNames): string {
  if (groupBy === 'category') return categoryName(key);
  return unitNameFrom(units.all(), key)?.zh ?? key;
}
