import { committeeIdFor, CommitteeDoc, MediationLevel } from './committee';
import { OrgUnits } from './org-units';

/** A mediator before their contacts are protected. */
export interface PlannedMediator {
  _id: string;
  name: string;
  committeeId: string;
  level: MediationLevel;
  unitId: string;
  streetId: string;
  phone: string;
}

/** The identity service's demo mediator (username `mediator`, 陈调解, 锦华社区). */
export const DEMO_MEDIATOR = { userId: 'mediator', name: '陈调解', unitId: 'bf-d01-s01-c01' } as const;
/** The identity service's demo mediator of the street's mediation centre (username `streetmediator`, 吴调解, 友谊路街道). */
export const DEMO_STREET_MEDIATOR = { userId: 'streetmediator', name: '吴调解', unitId: 'bf-d01-s01' } as const;

const SURNAMES = ['王', '李', '张', '刘', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林'];
const GIVEN = ['秀英', '建国', '桂兰', '志强', '淑珍', '海军', '玉梅', '国庆', '丽华', '永明', '春生', '金凤'];

/**
 * The demo city's mediation bodies: one 人民调解委员会 per community and one 矛盾调解中心 per street, each with two
 * generated mediators — except where the identity service has a demo mediator who can log in (锦华社区 and
 * 友谊路街道): there that person is the committee, so every demo dispute there reaches someone. Deterministic.
 */
export function planDemoCommittees(org: OrgUnits): { committees: CommitteeDoc[]; mediators: PlannedMediator[] } {
  const committees: CommitteeDoc[] = [];
  const mediators: PlannedMediator[] = [];
  let n = 0;
  const person = (unitId: string, committeeId: string, level: MediationLevel, streetId: string, index: number): PlannedMediator => {
    n += 1;
    return {
      _id: `${unitId}-med${index}`,
      name: `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7) % GIVEN.length]}`,
      committeeId, level, unitId, streetId,
      phone: `139${String(n).padStart(8, '0')}`,
    };
  };
  for (const street of org.streets()) {
    const id = committeeIdFor('street', street.id);
    committees.push({ _id: id, name: `${street.name}矛盾调解中心`, level: 'street', unitId: street.id, streetId: street.id });
    if (street.id === DEMO_STREET_MEDIATOR.unitId) {
      mediators.push({ _id: DEMO_STREET_MEDIATOR.userId, name: DEMO_STREET_MEDIATOR.name, committeeId: id, level: 'street', unitId: street.id, streetId: street.id, phone: '13900000001' });
    } else {
      mediators.push(person(street.id, id, 'street', street.id, 1), person(street.id, id, 'street', street.id, 2));
    }
  }
  for (const community of org.communities()) {
    const streetId = community.parentId ?? '';
    const id = committeeIdFor('community', community.id);
    committees.push({ _id: id, name: `${community.name}人民调解委员会`, level: 'community', unitId: community.id, streetId });
    if (community.id === DEMO_MEDIATOR.unitId) {
      mediators.push({ _id: DEMO_MEDIATOR.userId, name: DEMO_MEDIATOR.name, committeeId: id, level: 'community', unitId: community.id, streetId, phone: '13900000000' });
    } else {
      mediators.push(person(community.id, id, 'community', streetId, 1), person(community.id, id, 'community', streetId, 2));
    }
  }
  return { committees, mediators };
}
