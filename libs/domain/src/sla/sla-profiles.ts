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
import type { SlaWindowName } from '../vocabulary/sla-windows';

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
    'community-handling': workingDays(3),
    'street-handling': workingDays(5),
    'department-report-in': workingHours(2),
    'department-answer': workingDays(3),
    callback: workingDays(1),
    mediation: naturalDays(30),
  },
  byPriority: {
    urgent: {
      acceptance: naturalMinutes(30),
      'community-handling': naturalHours(24),
      'street-handling': naturalHours(48),
      'department-report-in': naturalHours(1),
      'department-answer': naturalHours(24),
    },
    high: { acceptance: workingHours(1), 'community-handling': workingDays(2), 'street-handling': workingDays(3) },
    // Beijing's practice gives ordinary requests 7 days; low-priority matters get that much at the street.
    low: { 'community-handling': workingDays(5), 'street-handling': workingDays(7) },
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
    'community-handling': naturalHours(24),
    'street-handling': naturalHours(48),
    'department-report-in': naturalHours(1),
    'department-answer': naturalHours(24),
    callback: workingDays(1),
    mediation: naturalDays(30),
  },
  byPriority: {
    urgent: {
      acceptance: naturalMinutes(30),
      'community-handling': naturalHours(12),
      'street-handling': naturalHours(24),
      'department-report-in': naturalMinutes(30),
      'department-answer': naturalHours(12),
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
    'community-handling': naturalHours(2),
    'street-handling': naturalHours(4),
    'department-report-in': naturalMinutes(30),
    'department-answer': naturalHours(2),
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
    'community-handling': workingDays(15),
    'street-handling': workingDays(15),
    'department-report-in': workingHours(2),
    'department-answer': workingDays(10),
    callback: workingDays(1),
    mediation: naturalDays(30),
  },
  byPriority: { urgent: { acceptance: naturalMinutes(30), 'community-handling': workingDays(5) } },
  warningFraction: 0.8,
  maxTotalSuspension: naturalDays(60),
};

export const DEFAULT_SLA_PROFILES: SlaProfileTable = {
  standard: STANDARD,
  'utilities-24h': UTILITIES_24H,
  'life-safety-2h': LIFE_SAFETY_2H,
  'complex-15d': COMPLEX_15D,
};
