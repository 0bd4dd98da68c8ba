import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CONFIG } from '@civicflow/platform';
import { IdentityConfig } from '../config';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';
import { hashPassword } from './password';
import { USER_MODEL, UserDoc } from './user.schema';

@Injectable()
export class SeedDemoUsers implements OnApplicationBootstrap {
  private readonly logger = new Logger(SeedDemoUsers.name);

  constructor(@InjectModel(USER_MODEL) private readonly users: Model<UserDoc>, @Inject(CONFIG) private readonly config: IdentityConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.IDENTITY_SEED_DEMO_USERS || (await this.users.estimatedDocumentCount()) > 0) return;
    for (const user of DEMO_USERS) {
      // upsert by _id: two instances starting together seed once
      await this.users.updateOne(
        { _id: user.username },
        { $setOnInsert: { name: user.name, role: user.role, unitId: user.unitId, passwordHash: await hashPassword(DEMO_PASSWORD), active: true } },
        { upsert: true },
      );
    }
    this.logger.log(`演示账号已创建 seeded ${DEMO_USERS.length} demo users (password ${DEMO_PASSWORD})`);
  }
}
