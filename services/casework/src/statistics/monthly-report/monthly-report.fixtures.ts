import { DEFAULT_SCORING_POLICY } from '@civicflow/domain';
import { FactRow, OUTCOME } from '../case-fact-days';
import { monthPeriod } from '../period';
import { groupRows, rankGroups, ratesOf } from '../rates';
import { composeMonthlyReport, MonthlyReport } from './monthly-report';

/** A big city's month for the report's size (the spec measures it, the store's integration test stores it). */
export interface CityMonthScale {
  streets: number;
  communitiesPerStreet: number;
  departments: number;
  cases: number;
  /** the share of cases a department was summoned to (the department drill-down's rows) */
  summonedShare: number;
}

/** 300 streets × 10 communities (3,000), 60 departments, a third of the cases summoning a department. */
export const BIG_CITY: Omit<CityMonthScale, 'cases'> = { streets: 300, communitiesPerStreet: 10, departments: 60, summonedShare: 1 / 3 };

// the usual marks of a case handled, called back and closed: responded on time, resolved on time, reached, satisfied
const HANDLED = OUTCOME.responded | OUTCOME.respondedOnTime | OUTCOME.resolved | OUTCOME.onTime | OUTCOME.callback | OUTCOME.satisfied;

/** The month's report as casework composes it, from rows spread evenly over the city (deterministic: case i's units follow from i). */
export function cityMonthReport(month: string, scale: CityMonthScale): MonthlyReport {
  const period = monthPeriod(month)!;
  const days = Math.round((period.to.getTime() - period.from.getTime()) / 86_400_000);
  const rows: FactRow[] = Array.from({ length: scale.cases }, (_, i) => {
    const street = `bf-d${String((i % scale.streets) % 20 + 1).padStart(2, '0')}-s${String(i % scale.streets + 1).padStart(3, '0')}`;
    const community = `${street}-c${String(Math.floor(i / scale.streets) % scale.communitiesPerStreet + 1).padStart(2, '0')}`;
    const day = i % days;
    const registeredAt = period.from.getTime() + day * 86_400_000 + (i % 600) * 60_000;
    const every = Math.round(1 / scale.summonedShare);
    const summoned = i % every === 0 ? [`dept-${String((i / every) % scale.departments + 1).padStart(3, '0')}`] : [];
    const outcome = i % 10 === 0 ? HANDLED | OUTCOME.escalated | OUTCOME.everBreached : HANDLED;
    return {
      caseNumber: `${new Date(registeredAt + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '')}-${String(i).padStart(6, '0')}`,
      registeredAt, revision: 9, streetId: street, communityId: community, gridId: `${community}-g01`, categoryCode: '0208', departmentIds: summoned,
      orgPath: ['bf', street.slice(0, 6), street, community, `${community}-g01`], outcome,
      units: [
        { unitId: community, level: 'community', streetId: street, outcome },
        ...summoned.map((unitId) => ({ unitId, level: 'department' as const, streetId: null, outcome: OUTCOME.responded | OUTCOME.respondedOnTime | OUTCOME.resolved })),
      ],
    };
  });
  const policy = DEFAULT_SCORING_POLICY;
  const level = (groupBy: 'street' | 'department') => {
    const groups = [...groupRows(rows, groupBy)].map(([key, list]) => ({ key, name: key, rates: ratesOf(list, policy) }));
    return { groups, ranked: rankGroups(groups, 'composite', policy.lists) };
  };
  return composeMonthlyReport({
    month, period, generatedAt: new Date(period.to.getTime() + 3 * 86_400_000), generatedBy: 'schedule', policy, city: ratesOf(rows, policy), rows,
    streets: level('street'), departments: level('department'),
  });
}
