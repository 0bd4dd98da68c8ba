import {
  type BusinessDuration,
  naturalDays,
  naturalHours,
  naturalMinutes,
  workingDays,
  workingHours,
} from '../calendar/business-duration';
import type { Bilingual } from '../shared/bilingual';
import type { Priority } from './priority';
import type { SlaWindowName } from './sla-windows';

type WindowTable = Readonly<Record<SlaWindowName, BusinessDuration>>;

/**
 * A named set of windows. `windows` apply to normal priority; `byPriority` replaces some of them for other
 * priorities (urgent cases usually switch to natural time).
 */
export interface SlaProfile extends Bilingual {
  readonly windows: WindowTable;
  readonly byPriority?: Readonly<Partial<Record<Priority, Partial<WindowTable>>>>;
  readonly warningFraction: number;
  readonly maxTotalSuspension: BusinessDuration;
}

export type SlaProfileTable = Readonly<Record<string, SlaProfile>>;

/** The windows of the design brief; urgent safety hazards run on natural time. */
const STANDARD: SlaProfile = {
  zh: '标准时限',
  en: 'standard',
  windows: {
    acceptance: workingHours(2),
    communityHandling: workingDays(3),
    streetHandling: workingDays(5),
    departmentReportIn: workingHours(2),
    departmentAnswer: workingDays(3),
    callback: workingDays(1),
    mediation: naturalDays(30),
  },
  byPriority: {
    urgent: {
      acceptance: naturalMinutes(30),
      communityHandling: naturalHours(24),
      streetHandling: naturalHours(48),
      departmentReportIn: naturalHours(1),
      departmentAnswer: naturalHours(24),
    },
    high: { acceptance: workingHours(1), communityHandling: workingDays(2), streetHandling: workingDays(3) },
    // Beijing's practice gives ordinary requests 7 days; low-priority matters get that much at the street.
    low: { communityHandling: workingDays(5), streetHandling: workingDays(7) },
  },
  warningFraction: 0.8,
  maxTotalSuspension: naturalDays(30),
};

/** Water, power, gas and heating (水电气暖): 24 hours around the clock. */
const UTILITIES_24H: SlaProfile = {
  zh: '水电气暖24小时',
  en: 'utilities 24 h',
  windows: {
    acceptance: naturalHours(1),
    communityHandling: naturalHours(24),
    streetHandling: naturalHours(48),
    departmentReportIn: naturalHours(1),
    departmentAnswer: naturalHours(24),
    callback: workingDays(1),
    mediation: naturalDays(30),
  },
  byPriority: {
    urgent: {
      acceptance: naturalMinutes(30),
      communityHandling: naturalHours(12),
      streetHandling: naturalHours(24),
      departmentReportIn: naturalMinutes(30),
      departmentAnswer: naturalHours(12),
    },
  },
  warningFraction: 0.8,
  maxTotalSuspension: naturalDays(7),
};

/** Threats to life or property (危及生命财产安全): 2 hours. */
const LIFE_SAFETY_2H: SlaProfile = {
  zh: '生命财产安全2小时',
  en: 'life safety 2 h',
  windows: {
    acceptance: naturalMinutes(15),
    communityHandling: naturalHours(2),
    streetHandling: naturalHours(4),
    departmentReportIn: naturalMinutes(30),
    departmentAnswer: naturalHours(2),
    callback: workingDays(1),
    mediation: naturalDays(30),
  },
  warningFraction: 0.8,
  maxTotalSuspension: naturalDays(2),
};

/** Complex matters (疑难复杂): 15 working days. */
const COMPLEX_15D: SlaProfile = {
  zh: '疑难复杂15个工作日',
  en: 'complex 15 days',
  windows: {
    acceptance: workingHours(2),
    communityHandling: workingDays(15),
    streetHandling: workingDays(15),
    departmentReportIn: workingHours(2),
    departmentAnswer: workingDays(10),
    callback: workingDays(1),
    mediation: naturalDays(30),
  },
  byPriority: { urgent: { acceptance: naturalMinutes(30), communityHandling: workingDays(5) } },
  warningFraction: 0.8,
  maxTotalSuspension: naturalDays(60),
};

export const DEFAULT_SLA_PROFILES: SlaProfileTable = {
  standard: STANDARD,
  'utilities-24h': UTILITIES_24H,
  'life-safety-2h': LIFE_SAFETY_2H,
  'complex-15d': COMPLEX_15D,
};
