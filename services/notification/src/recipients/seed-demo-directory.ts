import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Role } from '@civicflow/contracts';
import { CONFIG } from '@civicflow/platform';
import { CLOCK, Clock } from '../clock/clock';
import { NotificationConfig } from '../config';
import { MongoRecipientDirectory } from './mongo-recipient-directory';

/**
 * The identity service's demo accounts (same user ids, roles and units; services share no code, so the list
 * is repeated here), so a demo user who logs in finds notices in their inbox. Off in production.
 */
export const DEMO_DIRECTORY_USERS: { userId: string; name: string; role: Role; unitId: string }[] = [
  { userId: 'operator', name: '王话务', role: 'operator', unitId: 'bf' },
  { userId: 'dispatcher', name: '李派单', role: 'dispatcher', unitId: 'bf' },
  { userId: 'gridworker', name: '张网格', role: 'grid-worker', unitId: 'bf-d01-s01-c01-g01' },
  { userId: 'community', name: '刘社区', role: 'community-handler', unitId: 'bf-d01-s01-c01' },
  { userId: 'mediator', name: '陈调解', role: 'mediator', unitId: 'bf-d01-s01-c01' },
  { userId: 'streetmediator', name: '吴调解', role: 'mediator', unitId: 'bf-d01-s01' },
  { userId: 'street', name: '赵街道', role: 'street-coordinator', unitId: 'bf-d01-s01' },
  { userId: 'liaison', name: '孙城管', role: 'department-liaison', unitId: 'dept-urban-management' },
  { userId: 'supervisor', name: '周督查', role: 'supervisor', unitId: 'bf' },
  { userId: 'admin', name: '系统管理员', role: 'admin', unitId: 'bf' },
];

@Injectable()
export class SeedDemoDirectory implements OnApplicationBootstrap {
  private readonly logger = new Logger(SeedDemoDirectory.name);

  constructor(
    private readonly directory: MongoRecipientDirectory,
    @Inject(CONFIG) private readonly config: NotificationConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.NOTIFICATION_SEED_DEMO_DIRECTORY || !(await this.directory.isEmpty())) return;
    for (const user of DEMO_DIRECTORY_USERS) await this.directory.putUser(user, this.clock.now());
    this.logger.log(`演示通讯录已创建 seeded ${DEMO_DIRECTORY_USERS.length} demo directory users`);
  }
}
