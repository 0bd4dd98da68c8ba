import { z } from 'zod';
import { defineEvent } from '../catalog/define-event';

/**
 * 来电弹屏 — the call centre's telephony system says a call rings at, is answered by, or hung up on an operator.
 * The console pops up a new call form for that operator with the caller's number (read from the hotline by the
 * call reference, never carried here) and the caller's history.
 */
export const telephonyCallV1 = defineEvent({
  type: 'hotline.telephony-call',
  version: 1,
  description: '来电弹屏 — a call rings at, is answered by, or hung up on an operator (from the call centre’s telephony system)',
  schema: z.object({
    callRef: z.string().min(1).max(100).describe('the telephony system’s id of the call'),
    state: z.enum(['ringing', 'answered', 'hung-up']),
    agentUserId: z.string().min(1).describe('the operator (user id) the call is at'),
    callerMasked: z.string().min(1).describe('138****5678; the full number is read from the hotline'),
    recordingRef: z.string().min(1).max(500).optional().describe('where the telephony system keeps the recording'),
    at: z.iso.datetime({ offset: true }),
  }),
});
