import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { AuthUser, CONFIG, isWithinJurisdiction } from '@civicflow/platform';
import { MediationConfig } from '../config';
import { notFound } from '../shared/http-errors';
import { DisputeDoc } from './dispute';
import { DisputeStore } from './dispute.store';

/** Who reads disputes (调解员, 街道, 督查员, 社区, 管理员) and who mediates them (the committee's mediators, supervisors). */
export const READ_ROLES = ['mediator', 'street-coordinator', 'supervisor', 'community-handler', 'admin'] as const;
export const MEDIATE_ROLES = ['mediator', 'supervisor'] as const;

/** The unit whose committee holds the dispute now: the community's 人民调解委员会 or the street's 矛盾调解中心. */
export const holdingUnit = (doc: Pick<DisputeDoc, 'level' | 'communityId' | 'streetId'>): string => (doc.level === 'community' ? doc.communityId : doc.streetId);

/** A mediator acts on the disputes their committee holds; a supervisor on any in their jurisdiction. */
export function mayMediate(user: AuthUser, doc: Pick<DisputeDoc, 'level' | 'communityId' | 'streetId' | 'orgPath'>, cityUnitId: string): boolean {
  if (user.role === 'mediator') return user.unitId === holdingUnit(doc);
  if (user.role === 'supervisor') return user.unitId === cityUnitId || isWithinJurisdiction(user, doc.orgPath);
  return false;
}

export function mayRead(user: AuthUser, doc: Pick<DisputeDoc, 'orgPath'>, cityUnitId: string): boolean {
  return user.unitId === cityUnitId || isWithinJurisdiction(user, doc.orgPath);
}

@Injectable()
export class DisputeAccess {
  constructor(private readonly store: DisputeStore, @Inject(CONFIG) private readonly config: MediationConfig) {}

  get cityUnitId(): string {
    return this.config.MEDIATION_CITY_UNIT_ID;
  }

  /** A dispute outside the user's jurisdiction does not exist for them (404 like an unknown id: ids cannot be probed). */
  async toRead(user: AuthUser, disputeId: string): Promise<DisputeDoc> {
    const doc = await this.load(disputeId);
    if (!mayRead(user, doc, this.cityUnitId)) throw missing(disputeId);
    return doc;
  }

  async toMediate(user: AuthUser, disputeId: string): Promise<DisputeDoc> {
    const doc = await this.load(disputeId);
    if (!mayRead(user, doc, this.cityUnitId)) throw missing(disputeId);
    if (!mayMediate(user, doc, this.cityUnitId)) {
      throw new ForbiddenException({ message: `只有${doc.level === 'community' ? '本社区人民调解委员会' : '街道矛盾调解中心'}的调解员可以办理 only mediators of the committee holding the dispute (${holdingUnit(doc)}) may act on it` });
    }
    return doc;
  }

  private async load(disputeId: string): Promise<DisputeDoc> {
    const doc = await this.store.findById(disputeId);
    if (!doc) throw missing(disputeId);
    return doc;
  }
}

const missing = (disputeId: string) => notFound(`纠纷 ${disputeId} 不存在`, `dispute ${disputeId} not found`);
