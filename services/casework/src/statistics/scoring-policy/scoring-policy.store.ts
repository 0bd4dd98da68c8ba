import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { DEFAULT_SCORING_POLICY, latestVersion, type ScoringPolicyVersion } from '@civicflow/domain';
import { STATISTICS_CONFIG, StatisticsConfig } from '../statistics.config';

/** One document per city (`_id`: the city's unit id) with every version of its scoring policy, oldest first. */
export const SCORING_POLICY_COLLECTION = 'scoring_policies';

interface ScoringPolicyDoc {
  _id: string;
  /** bumped on every append: the optimistic guard of the single-document update */
  revision: number;
  versions: ScoringPolicyVersion[];
}

/**
 * 考核口径 store: the city's policy versions, read by `_id` (one point read per figures request). Versions are only
 * appended, never changed, so the list is its own audit trail (who, when, why, from which day). Version 1, the
 * default, is implied until an administrator saves another.
 */
@Injectable()
export class ScoringPolicyStore {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @Inject(STATISTICS_CONFIG) private readonly config: StatisticsConfig,
  ) {}

  private get collection() {
    return this.connection.collection<ScoringPolicyDoc>(SCORING_POLICY_COLLECTION);
  }

  async versions(): Promise<ScoringPolicyVersion[]> {
    return (await this.read()).versions;
  }

  /** Appends the next version; 409 when another administrator appended one in between (read again and retry). */
  async append(next: Omit<ScoringPolicyVersion, 'version'>, seenVersion: (versions: ScoringPolicyVersion[]) => void): Promise<ScoringPolicyVersion> {
    const doc = await this.read();
    seenVersion(doc.versions);
    const version: ScoringPolicyVersion = { ...next, version: latestVersion(doc.versions).version + 1 };
    const stored = doc.revision === 0
      ? await this.collection.insertOne({ _id: this.config.CASEWORK_CITY_UNIT_ID, revision: 1, versions: [...doc.versions, version] }).then(() => true, (error: { code?: number }) => {
        if (error.code === 11000) return false;
        throw error;
      })
      : (await this.collection.updateOne({ _id: this.config.CASEWORK_CITY_UNIT_ID, revision: doc.revision }, { $set: { revision: doc.revision + 1, versions: [...doc.versions, version] } })).modifiedCount === 1;
    if (!stored) throw new ConflictException({ message: '考核口径刚被他人修改，请刷新后重试 (the scoring policy was just changed by someone else: reload and retry)', reason: 'POLICY_CHANGED' });
    return version;
  }

  private async read(): Promise<ScoringPolicyDoc> {
    const doc = await this.collection.findOne({ _id: this.config.CASEWORK_CITY_UNIT_ID });
    return doc ?? { _id: this.config.CASEWORK_CITY_UNIT_ID, revision: 0, versions: [DEFAULT_SCORING_POLICY] };
  }
}
