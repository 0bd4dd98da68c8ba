import { z } from 'zod';

/**
 * The one envelope every CivicFlow event travels in (事件信封).
 * `key` is the Kafka message key — the case number for case events — so all events of one case keep their order.
 */
export const actorSchema = z.object({
  userId: z.string().min(1),
  role: z.string().min(1),
  unitId: z.string().min(1).optional(),
});
export type Actor = z.infer<typeof actorSchema>;

export const envelopeSchema = z.object({
  id: z.string().min(1).describe('event id; consumers deduplicate on it'),
  type: z.string().regex(/^[a-z]+(\.[a-z-]+)+$/, 'event type must look like context.action'),
  version: z.number().int().positive(),
  time: z.iso.datetime({ offset: true }),
  key: z.string().min(1),
  source: z.string().min(1).describe('producing service'),
  correlationId: z.string().min(1).describe('id of the request or case that started the chain'),
  causationId: z.string().min(1).optional().describe('id of the event or command that caused this one'),
  actor: actorSchema.optional(),
  traceparent: z.string().optional().describe('W3C trace context of the producer'),
  data: z.unknown(),
});

export type EventEnvelope<TData = unknown> = Omit<z.infer<typeof envelopeSchema>, 'data'> & { data: TData };
