import { Client, Connection as TemporalConnection } from '@temporalio/client';
import { Kafka } from 'kafkajs';
import { Connection } from 'mongoose';
import { HealthCheck } from './health.controller';

export function mongoHealth(connection: Connection): HealthCheck {
  return {
    name: 'mongodb',
    probe: async () => {
      if (!connection.db) throw new Error('not connected');
      await connection.db.admin().ping();
    },
  };
}

export function kafkaHealth(kafka: Kafka): HealthCheck {
  return {
    name: 'kafka',
    probe: async () => {
      const admin = kafka.admin();
      await admin.connect();
      try {
        await admin.describeCluster();
      } finally {
        await admin.disconnect();
      }
    },
  };
}

export function temporalHealth(client: Client): HealthCheck {
  return {
    name: 'temporal',
    probe: async () => {
      await (client.connection as TemporalConnection).healthService.check({});
    },
  };
}
