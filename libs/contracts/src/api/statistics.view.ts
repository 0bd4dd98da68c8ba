// The supervisor's figures as the casework statistics API answers them (GET /api/v1/statistics/summary …), shared
// by the service that computes them and the console that shows them. Types only.

/**
 * 三率 and the other rates of a group of cases: counts and their rates (0..1, null when the denominator is 0).
 * 响应率 responded / cases; 解决率 resolved / cases; 满意率 satisfied (incl. basically satisfied) / reached
 * callbacks; on time / resolved; 升级率 escalated / cases; 退单率 returned / cases; 重办率 reopened / cases.
 */
export interface Rates {
  cases: number;
  responded: number;
  responseRate: number | null;
  resolved: number;
  resolutionRate: number | null;
  callbacks: number;
  satisfied: number;
  satisfactionRate: number | null;
  onTime: number;
  onTimeRate: number | null;
  escalated: number;
  escalationRate: number | null;
  returned: number;
  returnRate: number | null;
  reopened: number;
  reopenRate: number | null;
}
