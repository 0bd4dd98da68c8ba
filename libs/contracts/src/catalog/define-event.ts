import { z } from 'zod';

/** Bounded contexts that own topics. One topic per context and major version: civicflow.<context>.v<major>. */
export const contexts = ['hotline', 'intake', 'case', 'casework', 'grid', 'mediation', 'notification', 'statistics'] as const;
export type Context = (typeof contexts)[number];

/**
 * events: facts, on civicflow.<context>.v<major>; requests and their replies (request/reply over Kafka) on
 * civicflow.<context>.requests.v<major> and civicflow.<context>.replies.v<major>.
 */
export type MessageKind = 'event' | 'request' | 'reply';

export interface EventContract<TType extends string = string, TSchema extends z.ZodType = z.ZodType> {
  /** `<context>.<action>`, e.g. `case.registered`. */
  readonly type: TType;
  /** Schema version of `data`; a breaking change registers a new contract with version + 1. */
  readonly version: number;
  readonly context: Context;
  readonly kind: MessageKind;
  readonly topic: string;
  readonly schema: TSchema;
  readonly description: string;
}

export type EventData<C extends EventContract> = z.infer<C['schema']>;

export function topicName(context: Context, major = 1, kind: MessageKind = 'event'): string {
  const stream = { event: '', request: '.requests', reply: '.replies' }[kind];
  return `civicflow.${context}${stream}.v${major}`;
}

/** Dead-letter topic of a topic: messages a consumer group could not process, with the reason in headers. */
export function deadLetterTopicName(topic: string): string {
  return `${topic}.dlt`;
}

export function defineEvent<TType extends string, TSchema extends z.ZodType>(def: {
  type: TType;
  version: number;
  schema: TSchema;
  description: string;
  topicMajor?: number;
  kind?: MessageKind;
}): EventContract<TType, TSchema> {
  const context = def.type.split('.')[0] as Context;
  if (!contexts.includes(context)) {
    throw new Error(`event type ${def.type} does not start with a known context (${contexts.join(', ')})`);
  }
  const kind = def.kind ?? 'event';
  return {
    type: def.type,
    version: def.version,
    context,
    kind,
    topic: topicName(context, def.topicMajor ?? 1, kind),
    schema: def.schema,
    description: def.description,
  };
}

/** A request and the reply its handler sends back (request/reply over Kafka). */
export interface RequestContract<TReq extends EventContract = EventContract, TRep extends EventContract = EventContract> {
  request: TReq;
  reply: TRep;
}
