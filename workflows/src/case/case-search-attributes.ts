// The search attributes supervisors and the console list cases by (registered per namespace from
// deploy/local/temporal-search-attributes.json). Typed keys, shared by workflow code and clients.
// `@temporalio/common` comes with `@temporalio/workflow`; the workflow package does not re-export these helpers.
import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributeUpdatePair } from '@temporalio/common';

export const CaseStageKey = defineSearchAttributeKey('CaseStage', SearchAttributeType.KEYWORD);
export const CaseLevelKey = defineSearchAttributeKey('CaseLevel', SearchAttributeType.KEYWORD);
export const CurrentUnitKey = defineSearchAttributeKey('CurrentUnit', SearchAttributeType.KEYWORD);
export const StreetIdKey = defineSearchAttributeKey('StreetId', SearchAttributeType.KEYWORD);
export const CommunityIdKey = defineSearchAttributeKey('CommunityId', SearchAttributeType.KEYWORD);
export const CategoryCodeKey = defineSearchAttributeKey('CategoryCode', SearchAttributeType.KEYWORD);
export const PriorityKey = defineSearchAttributeKey('Priority', SearchAttributeType.KEYWORD);
export const SlaDeadlineKey = defineSearchAttributeKey('SlaDeadline', SearchAttributeType.DATETIME);
export const SlaBreachedKey = defineSearchAttributeKey('SlaBreached', SearchAttributeType.BOOL);
/** Years whose working days the case's running clocks use ('2026', '2027'): whom a new holiday arrangement concerns. */
export const CalendarYearsKey = defineSearchAttributeKey('CalendarYears', SearchAttributeType.KEYWORD_LIST);

/** Plain values of the attributes (null removes one); kept in workflow state to upsert only what changed. */
export interface CaseSearchValues {
  CaseStage: string | null;
  CaseLevel: string | null;
  CurrentUnit: string | null;
  StreetId: string | null;
  CommunityId: string | null;
  CategoryCode: string | null;
  Priority: string | null;
  /** epoch ms */
  SlaDeadline: number | null;
  SlaBreached: boolean | null;
  /** Absent in histories from before the calendar recompute (patch 'calendar-recompute'): then never upserted. */
  CalendarYears?: string[];
}

/** The update pairs for the attributes whose value differs from `previous` (all of them when it is empty). */
export function changedSearchAttributes(previous: Partial<CaseSearchValues>, next: CaseSearchValues): SearchAttributeUpdatePair[] {
  const pairs: SearchAttributeUpdatePair[] = [];
  const keyword = {
    CaseStage: CaseStageKey,
    CaseLevel: CaseLevelKey,
    CurrentUnit: CurrentUnitKey,
    StreetId: StreetIdKey,
    CommunityId: CommunityIdKey,
    CategoryCode: CategoryCodeKey,
    Priority: PriorityKey,
  } as const;
  for (const name of Object.keys(keyword) as Array<keyof typeof keyword>) {
    if (name in previous && previous[name] === next[name]) continue;
    pairs.push({ key: keyword[name], value: next[name] });
  }
  if (!('SlaDeadline' in previous) || previous.SlaDeadline !== next.SlaDeadline) {
    pairs.push({ key: SlaDeadlineKey, value: next.SlaDeadline === null ? null : new Date(next.SlaDeadline) });
  }
  if (!('SlaBreached' in previous) || previous.SlaBreached !== next.SlaBreached) pairs.push({ key: SlaBreachedKey, value: next.SlaBreached });
  if (next.CalendarYears && JSON.stringify(previous.CalendarYears) !== JSON.stringify(next.CalendarYears)) pairs.push({ key: CalendarYearsKey, value: next.CalendarYears });
  return pairs;
}
