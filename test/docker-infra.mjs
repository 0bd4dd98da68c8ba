// CIVICFLOW_INFRA=docker: the same three servers from official images through testcontainers.
// Needs a reachable Docker engine; the development machines of this project have none, so this path
// is exercised only where Docker exists (the native launcher covers the same servers here).
import { GenericContainer, Wait } from 'testcontainers';

export async function startDockerInfra() {
  const kafkaPort = Number(process.env.KAFKA_PORT ?? 9092);
  const [kafka, temporal, mongo] = await Promise.all([
    new GenericContainer('apache/kafka:3.9.1')
      .withExposedPorts({ container: 9092, host: kafkaPort })
      .withEnvironment({
        KAFKA_NODE_ID: '1',
        KAFKA_PROCESS_ROLES: 'broker,controller',
        KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
        KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${kafkaPort}`,
        KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
        KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
        KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
        KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
        KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
        KAFKA_NUM_PARTITIONS: '3',
      })
      .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
      .start(),
    new GenericContainer('temporalio/temporal:1.5.1')
      .withCommand(['server', 'start-dev', '--ip', '0.0.0.0', '--ui-port', '8233'])
      .withExposedPorts(7233, 8233)
      .withWaitStrategy(Wait.forListeningPorts())
      .start(),
    new GenericContainer('mongo:7').withExposedPorts(27017).withWaitStrategy(Wait.forListeningPorts()).start(),
  ]);
  process.env.KAFKA_BROKERS = `127.0.0.1:${kafkaPort}`;
  process.env.TEMPORAL_ADDRESS = `${temporal.getHost()}:${temporal.getMappedPort(7233)}`;
  process.env.MONGO_URL = `mongodb://${mongo.getHost()}:${mongo.getMappedPort(27017)}`;
  return [kafka, temporal, mongo];
}
