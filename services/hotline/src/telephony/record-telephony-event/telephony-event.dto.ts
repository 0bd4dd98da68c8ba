import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { says } from '@civicflow/contracts';

export const telephonyEventSchema = z.object({
  event: z.enum(['ringing', 'answered', 'hung-up']),
  callRef: z.string().trim().min(1).max(100).describe('the telephony system’s id of the call (the same for all its events)'),
  callerNumber: z.string().regex(/^\+?[\d\s-]{3,20}$/, says('须为电话号码', 'must be a phone number')),
  agent: z.string().trim().min(1).max(64).describe('the operator’s user name the call rings at (坐席)'),
  recordingRef: z.string().trim().min(1).max(500).optional().describe('where the recording is kept (with hung-up, or later)'),
  at: z.iso.datetime({ offset: true }).optional().describe('when it happened; now by default'),
});

/** One event of the call centre's telephony system (CTI): a call rings, is answered, or hangs up. */
export class TelephonyEventDto extends createZodDto(telephonyEventSchema) {}
