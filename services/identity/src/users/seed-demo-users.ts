import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CONFIG } from '@civicflow/platform';
import { IdentityConfig } from '../config';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';
import { hashPassword, passwordProblem } from './password';
import { USER_MODEL, UserDoc } from './user.schema';

/**
 * First accounts: the demo users (native mode only, into an empty store), or the administrator `admin` with
 * IDENTITY_BOOTSTRAP_ADMIN_PASSWORD when a real deployment has no active administrator yet.
 */
@Injectable()
export class SeedUsers implements OnApplicationBootstrap {
  private readonly logger = new Logger(SeedUsers.name);

  constructor(@InjectModel(USER_MODEL) private readonly users: Model<UserDoc>, @Inject(CONFIG) private readonly config: IdentityConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.IDENTITY_SEED_DEMO_USERS && (await this.users.estimatedDocumentCount()) === 0) await this.seedDemoUsers();
    if (this.config.IDENTITY_BOOTSTRAP_ADMIN_PASSWORD) await this.bootstrapAdmin(this.config.IDENTITY_BOOTSTRAP_ADMIN_PASSWORD);
  }

  private async seedDemoUsers(): Promise<void> {
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

  private async bootstrapAdmin(password: string): Promise<void> {
    const problem = passwordProblem(password);
    if (problem) throw new Error(`配置错误 invalid configuration: IDENTITY_BOOTSTRAP_ADMIN_PASSWORD ${problem.zh} ${problem.en}`);
    if (await this.users.exists({ role: 'admin', active: true })) return;
    const now = new Date();
    await this.users.updateOne(
      { _id: 'admin' },
      { $set: { name: '系统管理员 (admin)', role: 'admin', unitId: this.config.IDENTITY_CITY_UNIT_ID, passwordHash: await hashPassword(password), active: true, updatedAt: now }, $setOnInsert: { createdAt: now } },
      { upsert: true },
    );
    this.logger.warn('已创建管理员 admin created from IDENTITY_BOOTSTRAP_ADMIN_PASSWORD: sign in and change the password');
  }
}
