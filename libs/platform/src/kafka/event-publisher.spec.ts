import { Kafka, logLevel } from 'kafkajs';
import { EventPublisher } from './event-publisher';

describe('the event publisher', () => {
  it('names its partitioner: no process prints kafkajs’s warning that the default changed', () => {
    delete process.env.KAFKAJS_NO_PARTITIONER_WARNING;
    const warnings: string[] = [];
    const kafka = new Kafka({ clientId: 'spec', brokers: ['127.0.0.1:1'], logLevel: logLevel.WARN, logCreator: () => ({ log }) => warnings.push(log.message) });
    new EventPublisher(kafka, 'spec');
    expect(warnings.filter((w) => w.includes('partitioner'))).toEqual([]);
    // a producer that leaves it to the default is warned about (what the publisher avoids)
    kafka.producer();
    expect(warnings.filter((w) => w.includes('partitioner'))).toHaveLength(1);
  });
});
