// The supervisor's figures as the casework statistics API answers them (GET /api/v1/statistics/summary …), shared
// by the service that computes them and the console that shows them. Types only.

/**
 * 三率 and the other rates of a group of cases under a scoring policy (考核口径): counts and their rates (0..1,
 * null when the denominator is 0). 响应率 responded / cases; 按时响应率 (departments: 报到率) responded before the
 * unit's window ran out / cases; 解决率 resolved / cases; 满意率 (satisfied + w × basically satisfied) / valid
 * callbacks; 综合得分 the policy's weighted sum of the three; on time / resolved (departments: 答复及时率);
 * 升级率 escalated / cases; 退单率 returned / cases; 重办率 reopened / cases. `satisfied` includes the basically
 * satisfied. What counts as responded, resolved and a valid callback is the policy's (casework rates.ts).
 */
export interface Rates {
  cases: number;
  responded: number;
  responseRate: number | null;
  respondedOnTime: number;
  respondedOnTimeRate: number | null;
  resolved: number;
  resolutionRate: number | null;
  callbacks: number;
  satisfied: number;
  basicallySatisfied: number;
  satisfactionRate: number | null;
  /** 综合得分 0..1 */
  composite: number | null;
  onTime: number;
  onTimeRate: number | null;
  escalated: number;
  escalationRate: number | null;
  returned: number;
  returnRate: number | null;
  reopened: number;
  reopenRate: number | null;
}
