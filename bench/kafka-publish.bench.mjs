// How fast the platform's EventPublisher gets validated events onto the local broker, in batches vs one by one.
import { randomUUID } from 'node:crypto';
import { config, contracts, platform, rssMb, timed } from './lib.mjs';

function call(i) {
  const callId = randomUUID();
  return {
    key: callId,
    correlationId: callId,
    data: {
      callId, receivedAt: new Date().toISOString(), callerRef: `bench-${i}`, callerMasked: '138****0000',
      content: '路灯不亮 bench', requestType: 'complaint', urgency: 'normal', address: '北丰市 bench',
    },
  };
}

export async function benchKafkaPublish({ messages = 20_000, batch = 500 } = {}) {
  const kafka = platform.createKafka('bench', config());
  await platform.ensureTopics(kafka);
  const publisher = new platform.EventPublisher(kafka, 'bench');
  await publisher.connect();
  try {
    const batched = await timed(async () => {
      for (let i = 0; i < messages; i += batch) {
        const events = Array.from({ length: Math.min(batch, messages - i) }, (_, j) => publisher.build(contracts.callLoggedV1, call(i + j)));
        await publisher.publishAll(events);
      }
    });
    const single = Math.min(2_000, messages);
    const oneByOne = await timed(async () => {
      for (let i = 0; i < single; i++) await publisher.publish(contracts.callLoggedV1, call(i));
    });
    return [
      { bench: 'kafka publish, batches of ' + batch, count: messages, seconds: batched.seconds, rate: messages / batched.seconds, unit: 'msg/s', rssMb: rssMb() },
      { bench: 'kafka publish, awaiting each send', count: single, seconds: oneByOne.seconds, rate: single / oneByOne.seconds, unit: 'msg/s', rssMb: rssMb() },
    ];
  } finally {
    await publisher.disconnect();
  }
}
