import { z } from 'zod';
import { says } from '@civicflow/contracts';
import { CONSULTATION_SIDES, ConsultationRecord, SIDE_LABELS } from '../session';

/** 3+X 四方共议: held under the community party organisation's lead (党组织领导下), so it must take part. */
export const consultationRecordSchema = z.object({
  minutesSummary: z.string().trim().min(1, says('须填写协商记录', 'the minutes must not be empty')).max(3000),
  participants: z.array(z.object({
    side: z.enum(CONSULTATION_SIDES),
    name: z.string().trim().min(1).max(100),
    organisation: z.string().trim().min(1).max(200).optional(),
  })).min(1, says('须登记参加人', 'list who took part')).max(50)
    .refine((ps) => ps.some((p) => p.side === 'party-organisation'), { message: says('3+X 协商须有社区党组织参加', 'a 3+X consultation is led by the community party organisation') }),
  commitments: z.array(z.object({
    side: z.enum(CONSULTATION_SIDES),
    by: z.string().trim().min(1, says('须写明承诺人', 'who committed')).max(100),
    commitment: z.string().trim().min(1, says('须写明承诺内容', 'what was committed')).max(500),
    dueAt: z.iso.datetime({ offset: true }).optional(),
  })).min(1, says('须登记各方承诺', 'record what each side committed to')).max(50),
});

/** The minutes the workflow keeps for a consultation: the summary, who took part and the commitments, in 4000 chars. */
export function consultationMinutes(summary: string, record: ConsultationRecord): string {
  const who = record.participants.map((p) => `${SIDE_LABELS[p.side]}：${p.name}`).join('；');
  const promised = record.commitments.map((c) => `${SIDE_LABELS[c.side]}${c.by}承诺${c.commitment}${c.dueAt ? `（${c.dueAt.slice(0, 10)}前）` : ''}`).join('；');
  return `【3+X四方共议】${summary}\n参加：${who}\n承诺：${promised}`.slice(0, 4000);
}
