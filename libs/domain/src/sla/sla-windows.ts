import type { BusinessDuration } from '../calendar/business-duration';
import type { Bilingual } from '../shared/bilingual';
import type { Priority } from './priority';

/** The timed windows of the escalation ladder. */
export type SlaWindowName =
  | 'acceptance' // 签收
  | 'communityHandling' // 社区办理
  | 'streetHandling' // 街道办理
  | 'departmentReportIn' // 部门报到
  | 'departmentAnswer' // 部门答复
  | 'callback' // 回访
  | 'mediation'; // 调解

export const SLA_WINDOW_NAMES: readonly SlaWindowName[] = [
  'acceptance',
  'communityHandling',
  'streetHandling',
  'departmentReportIn',
  'departmentAnswer',
  'callback',
  'mediation',
];

export const SLA_WINDOW_LABELS: Readonly<Record<SlaWindowName, Bilingual>> = {
  acceptance: { zh: '签收', en: 'acceptance' },
  communityHandling: { zh: '社区办理', en: 'community handling' },
  streetHandling: { zh: '街道办理', en: 'street handling' },
  departmentReportIn: { zh: '部门报到', en: 'department report-in' },
  departmentAnswer: { zh: '部门答复', en: 'department answer' },
  callback: { zh: '回访', en: 'callback' },
  mediation: { zh: '调解', en: 'mediation' },
};

/**
 * The concrete windows for one case, resolved once at classification. Plain JSON: a workflow keeps it in
 * its input (or the case state), so changing a profile later never moves the deadlines of running cases.
 */
export interface SlaWindows {
  readonly profileId: string;
  readonly priority: Priority;
  readonly windows: Readonly<Record<SlaWindowName, BusinessDuration>>;
  readonly warningFraction: number;
  readonly breachFraction: number;
  /** Upper bound on the total time a case may stay suspended (挂起), natural time. */
  readonly maxTotalSuspension: BusinessDuration;
}
