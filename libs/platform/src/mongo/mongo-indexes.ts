import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';

/** A model whose collection or indexes could not be built: the service must not serve without them. */
export class IndexBuildError extends Error {
  constructor(model: Model<unknown>, cause: unknown) {
    const indexes = model.schema.indexes().map(([fields, options]) => `${JSON.stringify(fields)}${options?.unique ? ' unique' : ''}`).join(', ');
    super(
      `索引未能建立,服务不启动 the indexes of ${model.modelName} (collection ${model.collection.collectionName}: ${indexes || '_id only'}) ` +
        `could not be built: ${cause instanceof Error ? cause.message : String(cause)}. ` +
        'A unique index cannot be built while stored documents break it: remove the duplicates, then start again.',
      { cause },
    );
    this.name = 'IndexBuildError';
  }
}

/**
 * Every model's collection and indexes, built before the service serves. Mongoose builds them in the background
 * (autoIndex) and reports a failure only as an `index` event nobody hears: the first writes raced the build, and
 * once one duplicate slipped in the unique index could never be built — on FerretDB with 20,000 stored documents a
 * duplicate was accepted, and so was every later one. Here HTTP waits (Nest serves after its init hooks, and this
 * global module's hook runs before the others'), so does the Kafka consumer (it waits before subscribing), and a
 * failed build stops the start naming the model and the reason.
 */
@Injectable()
export class MongoIndexes implements OnModuleInit {
  private building?: Promise<void>;

  constructor(@InjectConnection() private readonly connection: Connection) {}

  onModuleInit(): Promise<void> {
    return this.built();
  }

  /** Resolves once every registered model's collection and indexes exist (built once, then remembered). */
  built(): Promise<void> {
    this.building ??= Promise.all(
      Object.values(this.connection.models).map((model) =>
        model.init().catch((error: unknown) => {
          throw new IndexBuildError(model as Model<unknown>, error);
        }),
      ),
    ).then(() => undefined);
    return this.building;
  }
}
