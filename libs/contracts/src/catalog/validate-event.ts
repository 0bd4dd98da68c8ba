import { z } from 'zod';
import { envelopeSchema, EventEnvelope } from '../envelope/event-envelope';
import { type CaseEventEnvelope, isCaseEvent } from '../case/case-events';
import { findContract } from './event-catalog';
import { saidIn } from '../shared/said';

export type EventValidation =
  | { ok: true; event: EventEnvelope }
  | { ok: false; reason: string };

function describeIssues(error: z.ZodError, prefix: string): string {
  return error.issues.map((i) => `${[prefix, ...i.path.map(String)].filter(Boolean).join('.')}: ${saidIn(i.message, 'en') ?? i.message}`).join('; ');
}

/** Validates an envelope and its data against the catalog. Used on produce and on consume. */
export function validateEvent(raw: unknown): EventValidation {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, reason: `invalid envelope: ${describeIssues(envelope.error, '')}` };
  const contract = findContract(envelope.data.type, envelope.data.version);
  if (!contract) return { ok: false, reason: `unknown event type ${envelope.data.type} v${envelope.data.version}` };
  const data = contract.schema.safeParse(envelope.data.data);
  if (!data.success) return { ok: false, reason: `invalid ${contract.type} v${contract.version}: ${describeIssues(data.error, 'data')}` };
  return { ok: true, event: { ...envelope.data, data: data.data } };
}

/**
 * A raw message validated and narrowed to a case-lifecycle event; throws with the reason when it is not a valid
 * one. For code that holds a message outside the transport (tests, tools replaying stored events).
 */
export function parseCaseEvent(raw: unknown): CaseEventEnvelope {
  const result = validateEvent(raw);
  if (!result.ok) throw new Error(result.reason);
  if (!isCaseEvent(result.event)) throw new Error(`${result.event.type} is not a case event`);
  return result.event;
}
