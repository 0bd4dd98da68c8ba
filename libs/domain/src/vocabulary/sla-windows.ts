import { type Labels, reader } from './spelling';

/** The timed windows of the escalation ladder. */
export const SLA_WINDOWS = [
  'acceptance', // 签收
  'community-handling', // 社区办理
  'street-handling', // 街道办理
  'department-report-in', // 部门报到
  'department-answer', // 部门答复
  'callback', // 回访
  'mediation', // 调解
] as const;
export type SlaWindowName = (typeof SLA_WINDOWS)[number];

export const SLA_WINDOW_LABELS: Labels<SlaWindowName> = {
  acceptance: { zh: '签收', en: 'acceptance' },
  'community-handling': { zh: '社区办理', en: 'community handling' },
  'street-handling': { zh: '街道办理', en: 'street handling' },
  'department-report-in': { zh: '部门报到', en: 'department report-in' },
  'department-answer': { zh: '部门答复', en: 'department answer' },
  callback: { zh: '回访', en: 'callback' },
  mediation: { zh: '调解', en: 'mediation' },
};

/** The domain once wrote the windows in camelCase (recorded clock readings and SLA profile files may). */
export const readSlaWindow = reader(SLA_WINDOWS, {
  communityHandling: 'community-handling',
  streetHandling: 'street-handling',
  departmentReportIn: 'department-report-in',
  departmentAnswer: 'department-answer',
});
