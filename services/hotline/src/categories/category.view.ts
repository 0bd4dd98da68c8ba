import { z } from 'zod';
import { departmentTypeByCode, MajorCategory, MinorCategory, PRIORITY_LABELS, REQUEST_TYPE_LABELS } from '@civicflow/domain';

const labelled = <T extends z.ZodType>(code: T) => z.object({ code, zh: z.string(), en: z.string() });

/** A minor category as the operator's form shows it: with its major, the request types it takes and its default priority. */
export const categoryViewSchema = z.object({
  code: z.string().describe('小类代码, e.g. 0604'),
  zh: z.string(),
  en: z.string(),
  major: labelled(z.string()),
  requestTypes: z.array(labelled(z.string())),
  priority: labelled(z.string()).describe('默认紧急程度; a call without an urgency takes it'),
  department: labelled(z.string()).describe('default owning department'),
  isDispute: z.boolean().describe('纠纷类: goes to mediation'),
});
export type CategoryView = z.infer<typeof categoryViewSchema>;

export function toCategoryView(minor: MinorCategory, major: MajorCategory): CategoryView {
  const department = departmentTypeByCode(minor.department);
  return {
    code: minor.code,
    zh: minor.zh,
    en: minor.en,
    major: { code: major.code, zh: major.zh, en: major.en },
    requestTypes: minor.requestTypes.map((t) => ({ code: t, ...REQUEST_TYPE_LABELS[t] })),
    priority: { code: minor.priority, ...PRIORITY_LABELS[minor.priority] },
    department: { code: minor.department, zh: department?.zh ?? minor.department, en: department?.en ?? minor.department },
    isDispute: minor.isDispute,
  };
}
