import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { CONFIG } from '../config/config.module';
import { InfraConfig } from '../config/config';

export async function connectTemporalClient(config: Pick<InfraConfig, 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE'>): Promise<Client> {
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  return new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
}

@Injectable()
class TemporalLifecycle implements OnApplicationShutdown {
  constructor(@Inject(Client) private readonly client: Client) {}
  async onApplicationShutdown() {
    await this.client.connection.close();
  }
}

/** A Temporal client for services that start workflows or send them Updates. */
@Global()
@Module({})
export class TemporalClientModule {
  static forRoot(): DynamicModule {
    return {
      module: TemporalClientModule,
      providers: [
        { provide: Client, inject: [CONFIG], useFactory: (config: InfraConfig) => connectTemporalClient(config) },
        TemporalLifecycle,
      ],
      exports: [Client],
    };
  }
}
