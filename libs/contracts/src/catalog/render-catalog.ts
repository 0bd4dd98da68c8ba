import { z } from 'zod';
import { deadLetterTopicName } from './define-event';
import { eventCatalog } from './event-catalog';

/** Renders the event catalog as Markdown (docs/events.md); a test keeps the committed file in sync. */
export function renderEventCatalog(): string {
  const lines = [
    '# CivicFlow event catalog 事件目录',
    '',
    '<!-- Generated from libs/contracts by `npm run docs:events`; do not edit by hand. -->',
    '',
    'Every event travels in one envelope (`id`, `type`, `version`, `time`, `key`, `source`, `correlationId`,',
    '`causationId`, `actor`, `traceparent`, `data`), keyed by its case or aggregate id so per-case order holds.',
    'Topics are `civicflow.<context>.v<major>`; each has a dead-letter topic `<topic>.dlt`.',
    '',
    'Requests (`kind: request`) are answered on the context\'s replies topic with the paired reply, whose',
    '`causationId` is the request\'s id.',
    '',
    '| type | version | kind | topic | dead-letter topic | description |',
    '| --- | --- | --- | --- | --- | --- |',
    ...eventCatalog.map((c) => `| \`${c.type}\` | ${c.version} | ${c.kind} | \`${c.topic}\` | \`${deadLetterTopicName(c.topic)}\` | ${c.description} |`),
  ];
  for (const contract of eventCatalog) {
    lines.push('', `## \`${contract.type}\` v${contract.version}`, '', contract.description, '', '```json',
      JSON.stringify(z.toJSONSchema(contract.schema, { io: 'input' }), null, 2), '```');
  }
  return `${lines.join('\n')}\n`;
}
