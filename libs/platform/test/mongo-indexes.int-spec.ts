// A service serves only once the indexes its models declare exist. Mongoose alone builds them in the background:
// a write right after start raced the build, a duplicate got in, and from then on the unique index could never be
// built — every later duplicate was accepted too (seen on FerretDB with 20,000 stored documents).
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getModelToken, MongooseModule } from '@nestjs/mongoose';
import mongoose, { Model, Schema } from 'mongoose';
import { IndexBuildError, MongoModule, PlatformConfigModule, serviceDatabaseName } from '@civicflow/platform';
import { integrationConfig, uniqueId } from '@civicflow/testing';

interface MemberDoc {
  _id: string;
  ref: string;
}

const memberSchema = new Schema<MemberDoc>({ _id: String, ref: { type: String, required: true } }, { collection: 'members', versionKey: false });
memberSchema.index({ ref: 1 }, { unique: true }); // the idempotency key of a member

const DUPLICATE_KEY = 11000;

/** A service with one model, over a database that already holds `stored` members. */
async function startService(stored: MemberDoc[]): Promise<{ app: Promise<unknown>; members: () => Model<MemberDoc>; drop: () => Promise<void> }> {
  const config = integrationConfig({ MONGO_DB_PREFIX: uniqueId('idx') });
  const raw = await mongoose.createConnection(config.MONGO_URL, { dbName: serviceDatabaseName(config, 'members') }).asPromise();
  for (let i = 0; i < stored.length; i += 5_000) await raw.collection('members').insertMany(stored.slice(i, i + 5_000) as never[]);

  @Module({ imports: [PlatformConfigModule.forRoot(config), MongoModule.forService('members'), MongooseModule.forFeature([{ name: 'Member', schema: memberSchema }])] })
  class MembersModule {}

  // created like a service (Nest's init hooks run at app.init(), as at listen())
  const created = await NestFactory.create(MembersModule, { logger: false });
  return {
    app: created.init(),
    members: () => created.get<Model<MemberDoc>>(getModelToken('Member')),
    drop: async () => {
      await raw.dropDatabase();
      await raw.close();
      await created.close();
    },
  };
}

describe('a service and the indexes of its models', () => {
  it('starts only once its unique index exists, so the first write cannot slip a duplicate in (20,000 stored)', async () => {
    const service = await startService(Array.from({ length: 20_000 }, (_, i) => ({ _id: `m${i}`, ref: `r${i}` })));
    try {
      await service.app;
      // right when the service is up: the index is there (without the wait, mongoose was still building it)
      expect((await service.members().collection.indexes()).map((i) => i.name)).toContain('ref_1');
      await expect(service.members().create({ _id: 'twin', ref: 'r7' })).rejects.toMatchObject({ code: DUPLICATE_KEY });
    } finally {
      await service.drop();
    }
  });

  it('refuses to start when stored documents already break a unique index, naming the model and the way out', async () => {
    const service = await startService([{ _id: 'a', ref: 'same' }, { _id: 'b', ref: 'same' }]);
    try {
      const failure = await service.app.then(() => undefined, (error: unknown) => error);
      expect(failure).toBeInstanceOf(IndexBuildError);
      expect((failure as Error).message).toMatch(/Member \(collection members: \{"ref":1\} unique\).*remove the duplicates/);
    } finally {
      await service.drop();
    }
  });
});
