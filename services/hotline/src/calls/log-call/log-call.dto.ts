import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { geoPointSchema, requestTypeSchema, urgencySchema, says } from '@civicflow/contracts';

export const logCallSchema = z
  .object({
    callerNumber: z.string().regex(/^\+?[\d\s-]{5,20}$/, says('须为电话号码', 'must be a phone number')),
    content: z.string().trim().min(1, says('须填写诉求内容', 'must describe the request')).max(4000),
    requestType: requestTypeSchema,
    urgency: urgencySchema.optional().describe("紧急程度; defaults to the category's priority, else normal"),
    categoryCode: z.string().regex(/^\d{2,4}$/, says('须为分类代码，如 0604', 'must be a category code such as 0604')).optional(),
    address: z.string().trim().min(1).max(500).optional(),
    location: geoPointSchema.optional(),
    joinCaseNumber: z
      .string()
      .regex(/^\d{8}-\d{6}$/, says('须为案件编号，如 20261207-000012', 'must be a case number such as 20261207-000012'))
      .optional()
      .describe('合并: the operator found the caller’s problem already open as this case; the call joins it instead of opening another'),
    telephonyCallRef: z.string().trim().min(1).max(100).optional().describe('来电弹屏: the telephony call this is the record of (its recording is kept with the call)'),
    notifyBySms: z.boolean().default(true).describe('短信告知: the caller agrees to SMS notices about the case (taken on, resolved) at this number'),
    answeredWithArticleId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('一次办结: the knowledge-base article the operator answered the inquiry with; the case closes at intake'),
  })
  .superRefine((call, ctx) => {
    // an inquiry answered on the spot needs no place; everything else is routed by its place
    if (call.answeredWithArticleId === undefined && call.address === undefined && call.location === undefined) {
      ctx.addIssue({ code: 'custom', message: says('须提供地址或位置', 'an address or a location is required'), path: ['address'] });
    }
    if (call.answeredWithArticleId !== undefined && call.requestType !== 'inquiry') {
      ctx.addIssue({ code: 'custom', message: says('一次办结只适用于咨询', 'only an inquiry can be answered on the spot'), path: ['answeredWithArticleId'] });
    }
  });

/** 来电登记 — what an operator enters for a call. */
export class LogCallDto extends createZodDto(logCallSchema) {}
