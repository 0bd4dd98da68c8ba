import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CONFIG, PiiProtector } from '@civicflow/platform';
import { MediationConfig } from '../config';
import { isDuplicateKey } from '../shared/http-errors';
import { MediatorDoc } from './committee';
import { planDemoCommittees } from './demo-committees';
import { MediatorStore } from './mediator.store';
import { OrgUnits } from './org-units';

/** Inserts the demo city's committees and mediators that are missing (plain inserts; never overwrites edits). */
@Injectable()
export class SeedCommittees implements OnApplicationBootstrap {
  private readonly logger = new Logger(SeedCommittees.name);

  constructor(
    private readonly store: MediatorStore,
    private readonly protector: PiiProtector,
    private readonly org: OrgUnits,
    @Inject(CONFIG) private readonly config: MediationConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const seed = this.config.MEDIATION_SEED_DEMO_COMMITTEES;
    if (seed === 'false' || (seed === 'auto' && this.config.CIVICFLOW_INFRA !== 'native')) return;
    const plan = planDemoCommittees(this.org);
    const [haveCommittees, haveMediators] = await Promise.all([this.store.committees.estimatedDocumentCount(), this.store.mediators.estimatedDocumentCount()]);
    if (haveCommittees >= plan.committees.length && haveMediators >= plan.mediators.length) return;
    const mediators: MediatorDoc[] = plan.mediators.map(({ phone, ...m }) => ({ ...m, phone: this.protector.protect('phone', phone), idNumber: null, active: true, diaryRevision: 0 }));
    await insertMissing(() => this.store.committees.collection.insertMany(plan.committees as never[], { ordered: false }));
    await insertMissing(() => this.store.mediators.collection.insertMany(mediators as never[], { ordered: false }));
    this.logger.log(`调解组织已初始化 seeded ${plan.committees.length} committees and ${mediators.length} mediators of the demo city`);
  }
}

async function insertMissing(insert: () => Promise<unknown>): Promise<void> {
  try {
    await insert();
  } catch (error) {
    const writeErrors = (error as { writeErrors?: unknown[] }).writeErrors;
    const all = Array.isArray(writeErrors) ? writeErrors : [error];
    if (!all.every((e) => isDuplicateKey((e as { err?: unknown }).err ?? e))) throw error;
  }
}
