import { z } from 'zod';
import { caseNumberSchema } from '@civicflow/contracts';
import type { CaseCommandName } from '@civicflow/workflows';

/**
 * The body of each case command (its Update's argument without the actor, who is the signed-in user), checked
 * before anything reaches Temporal: types, lengths, enumerations; unknown fields are dropped. Whether the command
 * makes sense for the case now (an empty reason, the wrong stage) is still the workflow's call (409).
 */
// a too-long text is said by its issue code (不得超过 N 个字符 / at most N characters)
const text = (max: number) => z.string().max(max);
const note = text(2000).optional();
const unit = z.string().min(1).max(100);
const departmentId = z.string().min(1).max(100);

const route = z.object({ streetId: unit, communityId: unit.optional(), gridId: unit.optional() });

export const commandBodies = {
  accept: z.object({}),
  return: z.object({ reason: text(2000) }),
  dispatch: z.object({ route }),
  redispatch: z.object({ route }),
  escalate: z.object({ note }),
  summonDepartments: z.object({ departmentIds: z.array(departmentId).min(1).max(20) }),
  reportIn: z.object({ departmentId }),
  refuse: z.object({ departmentId, reason: text(2000) }),
  decideRefusal: z.object({ departmentId, decision: z.enum(['accept', 'overrule']), note }),
  withdrawSummons: z.object({ departmentId, reason: text(2000) }),
  releaseSummons: z.object({ departmentId, reason: text(2000) }),
  answer: z.object({ departmentId, plan: text(4000), result: text(4000) }),
  resolve: z.object({ summary: text(4000) }),
  suspend: z.object({ reason: text(2000) }),
  resume: z.object({}),
  requestExtension: z.object({
    extra: z.object({ basis: z.enum(['working', 'natural']), amount: z.number().positive().max(10_000), unit: z.enum(['minutes', 'hours', 'days']) }),
    reason: text(2000),
  }),
  decideExtension: z.object({ approved: z.boolean(), note }),
  issueSupervisionNotice: z.object({ notice: text(2000) }),
  recordCallback: z.object({
    reached: z.boolean(),
    satisfaction: z.enum(['satisfied', 'basically-satisfied', 'unsatisfied']).optional(),
    comment: text(2000).optional(),
    callbackId: z.string().min(1).max(100).optional(),
  }),
  merge: z.object({ masterCaseNumber: caseNumberSchema }),
  close: z.object({ note }),
} satisfies Record<CaseCommandName, z.ZodType>;

