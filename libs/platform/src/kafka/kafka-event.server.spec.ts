import { Kafka } from 'kafkajs';
import { EventPublisher } from './event-publisher';
import { KafkaEventServer } from './kafka-event.server';

describe('KafkaEventServer start', () => {
  it('does not touch Kafka before beforeConsume resolves, and reports its failure as the start failure', async () => {
    const kafka = { admin: jest.fn(), consumer: jest.fn() } as unknown as Kafka;
    const server = new KafkaEventServer({
      kafka,
      groupId: 'g',
      publisher: {} as EventPublisher,
      beforeConsume: () => Promise.reject(new Error('indexes of Member could not be built')),
    });
    const outcome = await new Promise<unknown>((resolve) => void server.listen(resolve));
    expect(outcome).toEqual(new Error('indexes of Member could not be built'));
    expect(kafka.admin).not.toHaveBeenCalled();
    expect(kafka.consumer).not.toHaveBeenCalled();
  });
});
