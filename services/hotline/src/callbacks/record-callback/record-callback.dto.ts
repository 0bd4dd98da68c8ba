import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { satisfactionSchema, says } from '@civicflow/contracts';

export const recordCallbackSchema = z
  .object({
    reached: z.boolean().describe('the citizen answered'),
    satisfaction: satisfactionSchema.optional().describe('满意 / 基本满意 / 不满意 — required when reached'),
    resolved: z.boolean().optional().describe('the citizen says the problem is solved'),
    comment: z.string().trim().max(1000).optional(),
  })
  .superRefine((result, ctx) => {
    if (result.reached && result.satisfaction === undefined) {
      ctx.addIssue({ code: 'custom', path: ['satisfaction'], message: says('已联系到市民时必须登记满意度', 'required when the citizen was reached') });
    }
    if (!result.reached && result.satisfaction !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['satisfaction'], message: says('未联系到市民时不能登记满意度', 'only when the citizen was reached') });
    }
    if (!result.reached && result.resolved !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['resolved'], message: says('未联系到市民时不能登记是否解决', 'only when the citizen was reached') });
    }
  });

/** 回访结果 — one call to the citizen: reached with their satisfaction, or not reached (an attempt). */
export class RecordCallbackDto extends createZodDto(recordCallbackSchema) {}
