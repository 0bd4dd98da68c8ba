/**
 * Builders for mediation state-machine tests (not part of the public API): actors, commands and `drive`,
 * which applies commands that must succeed.
 */
import { chinaTime, DAY_MS, HOUR_MS } from '../calendar/china-time';
import type { Actor } from '../case/actor';
import { executeMediation, type MediationCommand, type MediationState, openMediation } from './mediation-machine';

export const T0 = chinaTime('2099-03-02', '09:00');

const actor = (userId: string, role: Actor['role'], unitId: string): Actor => ({ userId, role, unitId });
export const M_ACTORS = {
  mediator: actor('med-1', 'mediator', 'binhe'),
  otherMediator: actor('med-2', 'mediator', 'binhe'),
  streetMediator: actor('med-9', 'mediator', 'xinhua'),
  community: actor('ch-1', 'community-handler', 'binhe'),
  street: actor('st-1', 'street-coordinator', 'xinhua'),
  supervisor: actor('sup-1', 'supervisor', 'city-supervision'),
  operator: actor('op-1', 'operator', 'hotline-centre'),
  system: actor('mediation-workflow', 'system', 'civicflow'),
} as const;

export const opened = (): MediationState => openMediation({ disputeId: 'd-1', disputeType: 'neighbour', openedAt: T0 });

export const m = {
  assign: (at: number, over: Partial<Extract<MediationCommand, { type: 'assignMediator' }>> = {}): MediationCommand => ({
    type: 'assignMediator',
    actor: M_ACTORS.community,
    at,
    mediatorId: 'med-1',
    committeeId: 'binhe-tiaowei',
    level: 'community',
    ...over,
  }),
  schedule: (at: number, over: Partial<Extract<MediationCommand, { type: 'scheduleSession' }>> = {}): MediationCommand => ({
    type: 'scheduleSession',
    actor: M_ACTORS.mediator,
    at,
    sessionId: 's-1',
    startsAt: at + DAY_MS * 2,
    endsAt: at + DAY_MS * 2 + 2 * HOUR_MS,
    place: '滨河社区调解室',
    attendeeIds: ['p-1', 'p-2'],
    consultation: false,
    ...over,
  }),
  record: (at: number, over: Partial<Extract<MediationCommand, { type: 'recordSession' }>> = {}): MediationCommand => ({
    type: 'recordSession',
    actor: M_ACTORS.mediator,
    at,
    sessionId: 's-1',
    minutesSummary: '双方陈述意见，同意赔偿',
    ...over,
  }),
  agree: (at: number, over: Partial<Extract<MediationCommand, { type: 'reachAgreement' }>> = {}): MediationCommand => ({
    type: 'reachAgreement',
    actor: M_ACTORS.mediator,
    at,
    agreementId: 'a-1',
    terms: [
      { party: 'p-1', obligation: '赔偿维修费 800 元', dueAt: at + 7 * DAY_MS },
      { party: 'p-2', obligation: '出具收条', dueAt: at + 8 * DAY_MS },
    ],
    ...over,
  }),
  fail: (at: number, over: Partial<Extract<MediationCommand, { type: 'recordFailure' }>> = {}): MediationCommand => ({
    type: 'recordFailure',
    actor: M_ACTORS.mediator,
    at,
    reason: '双方分歧过大',
    ...over,
  }),
  followUp: (at: number, over: Partial<Extract<MediationCommand, { type: 'followUpTerm' }>> = {}): MediationCommand => ({
    type: 'followUpTerm',
    actor: M_ACTORS.mediator,
    at,
    termIndex: 0,
    kept: true,
    ...over,
  }),
  breach: (at: number): MediationCommand => ({ type: 'breachLimit', actor: M_ACTORS.system, at, guidance: 'litigation' }),
};

/** Applies commands that must succeed; throws with the refusal otherwise. */
export function drive(state: MediationState, ...commands: MediationCommand[]): MediationState {
  return commands.reduce((current, command) => {
    const result = executeMediation(current, command);
    if (!result.ok) throw new Error(`${command.type} refused: ${result.reason.code} ${result.reason.en}`);
    return result.state;
  }, state);
}
