import demoOrgUnits from './demo-org-units.json';

/** A unit of the org tree as far as mediation needs it: districts, streets (街道/苏木), communities (社区/嘎查/村). */
export interface OrgUnit {
  id: string;
  name: string;
  kind: 'district' | 'street' | 'community';
  parentId: string | null;
}

/**
 * The org tree of 北丰市 as the grid service's demo dataset generates it (services/grid demoCity; a snapshot,
 * since services share no code — the integration test checks it still matches). Lookups only.
 */
export class OrgUnits {
  private readonly byId: Map<string, OrgUnit>;

  constructor(readonly units: readonly OrgUnit[]) {
    this.byId = new Map(units.map((u) => [u.id, u]));
  }

  static demo(): OrgUnits {
    return new OrgUnits(demoOrgUnits as OrgUnit[]);
  }

  get(id: string): OrgUnit | undefined {
    return this.byId.get(id);
  }

  communities(): OrgUnit[] {
    return this.units.filter((u) => u.kind === 'community');
  }

  streets(): OrgUnit[] {
    return this.units.filter((u) => u.kind === 'street');
  }

  /** city → district → street → community for a known community; undefined for anything else. */
  pathOfCommunity(communityId: string): { orgPath: string[]; streetId: string; districtId: string } | undefined {
    const community = this.byId.get(communityId);
    if (community?.kind !== 'community' || !community.parentId) return undefined;
    const street = this.byId.get(community.parentId);
    if (street?.kind !== 'street' || !street.parentId) return undefined;
    const district = this.byId.get(street.parentId);
    if (!district) return undefined;
    return { orgPath: [...(district.parentId ? [district.parentId] : []), district.id, street.id, community.id], streetId: street.id, districtId: district.id };
  }
}
