import type { Rejection } from '../case/rejection';
import { toChinaWallClock } from '../calendar/china-time';
import { type ActorRole, ROLE_LABELS } from '../vocabulary/roles';
import { MEDIATION_STAGE_LABELS, MEDIATION_LEVEL_LABELS, type MediationLevel, type MediationStage } from './mediation-types';

/** Mediation commands, for messages. */
export type MediationCommandType = 'assignMediator' | 'scheduleSession' | 'recordSession' | 'reachAgreement' | 'recordFailure' | 'followUpTerm' | 'breachLimit';

export const MEDIATION_COMMAND_LABELS: Readonly<Record<MediationCommandType, { zh: string; en: string }>> = {
  assignMediator: { zh: '指派调解员', en: 'assign a mediator' },
  scheduleSession: { zh: '安排调解', en: 'schedule a session' },
  recordSession: { zh: '记录调解', en: 'record a session' },
  reachAgreement: { zh: '登记调解协议', en: 'record an agreement' },
  recordFailure: { zh: '登记调解不成', en: 'record a failed mediation' },
  followUpTerm: { zh: '协议回访', en: 'follow up a term' },
  breachLimit: { zh: '处理调解超期', en: 'act on the time limit' },
};

const reject = (code: string, zh: string, en: string): Rejection => ({ code, zh, en });
const label = (command: MediationCommandType) => MEDIATION_COMMAND_LABELS[command];
/** A time as people read it: China wall clock, e.g. 2026-12-07 11:50 (北京时间) — never UTC. */
const iso = (at: number) => {
  const { date, time } = toChinaWallClock(at);
  return `${date} ${time.slice(0, 5)} (UTC+8)`;
};

/** Every reason mediation refuses a command, in one place so wording stays consistent (HTTP 409). */
export const mediationRejections = {
  invalidTime: () => reject('INVALID_TIME', '操作时间无效。', 'The command carries no valid time.'),
  disputeEnded: (command: MediationCommandType, stage: MediationStage) =>
    reject('DISPUTE_ENDED', `纠纷${MEDIATION_STAGE_LABELS[stage].zh}，不能${label(command).zh}。`, `Cannot ${label(command).en}: the dispute is ${MEDIATION_STAGE_LABELS[stage].en}.`),
  invalidStage: (command: MediationCommandType, stage: MediationStage) =>
    reject('INVALID_STAGE', `纠纷当前${MEDIATION_STAGE_LABELS[stage].zh}，不能${label(command).zh}。`, `Cannot ${label(command).en} while the dispute is ${MEDIATION_STAGE_LABELS[stage].en}.`),
  noMediator: (command: MediationCommandType) =>
    reject('NO_MEDIATOR', `尚未指派调解员，不能${label(command).zh}。`, `Cannot ${label(command).en}: no mediator has been assigned yet.`),
  roleNotAllowed: (command: MediationCommandType, role: ActorRole) =>
    reject('ROLE_NOT_ALLOWED', `${ROLE_LABELS[role].zh}无权${label(command).zh}。`, `A ${ROLE_LABELS[role].en} may not ${label(command).en}.`),
  notAssignedMediator: (command: MediationCommandType, mediatorId: string) =>
    reject('NOT_ASSIGNED_MEDIATOR', `只有承办调解员 ${mediatorId} 或督查员可以${label(command).zh}。`, `Only the assigned mediator ${mediatorId} or a supervisor may ${label(command).en}.`),
  textRequired: (command: MediationCommandType, field: string) =>
    reject('TEXT_REQUIRED', `${label(command).zh}须填写${field}。`, `To ${label(command).en}, '${field}' must not be empty.`),
  textTooLong: (command: MediationCommandType, field: string, max: number) =>
    reject('TEXT_TOO_LONG', `${label(command).zh}的${field}不能超过 ${max} 字。`, `To ${label(command).en}, '${field}' must not exceed ${max} characters.`),
  levelMismatch: (level: MediationLevel) =>
    reject('LEVEL_MISMATCH', `纠纷现由${MEDIATION_LEVEL_LABELS[level].zh}调解，须指派该层级的调解员。`, `The dispute is with ${MEDIATION_LEVEL_LABELS[level].en}; assign a mediator of that level.`),
  alreadyAssigned: (mediatorId: string) => reject('ALREADY_ASSIGNED', `调解员 ${mediatorId} 已承办本纠纷。`, `Mediator ${mediatorId} already has this dispute.`),
  sessionInvalidTime: () => reject('SESSION_INVALID_TIME', '调解时间格式无效。', 'The session times are not valid instants.'),
  sessionInPast: (startsAt: number, now: number) =>
    reject('SESSION_IN_PAST', `调解开始时间（${iso(startsAt)}）须晚于当前时间（${iso(now)}）。`, `A session must start in the future: ${iso(startsAt)} is not after ${iso(now)}.`),
  sessionEndsBeforeStart: () => reject('SESSION_ENDS_BEFORE_START', '调解结束时间须晚于开始时间。', 'A session must end after it starts.'),
  sessionOverlaps: (sessionId: string) =>
    reject('SESSION_OVERLAPS', `与已安排的调解 ${sessionId} 时间冲突。`, `The session overlaps session ${sessionId}, already scheduled.`),
  sessionExists: (sessionId: string) => reject('SESSION_EXISTS', `调解 ${sessionId} 已安排。`, `Session ${sessionId} is already scheduled.`),
  noAttendees: () => reject('NO_ATTENDEES', '调解须至少有一名参加人。', 'A session needs at least one attendee.'),
  sessionUnknown: (sessionId: string) => reject('SESSION_UNKNOWN', `没有安排过调解 ${sessionId}（或已取消）。`, `No open session ${sessionId} is scheduled.`),
  sessionAlreadyHeld: (sessionId: string) => reject('SESSION_ALREADY_HELD', `调解 ${sessionId} 已记录。`, `Session ${sessionId} has already been recorded.`),
  sessionNotStarted: (sessionId: string, startsAt: number) =>
    reject('SESSION_NOT_STARTED', `调解 ${sessionId} 尚未开始（${iso(startsAt)}），不能记录。`, `Session ${sessionId} has not started yet (${iso(startsAt)}).`),
  agreementIdRequired: () => reject('AGREEMENT_ID_REQUIRED', '调解协议须有编号。', 'An agreement needs an id.'),
  noTerms: () => reject('NO_TERMS', '调解协议须至少有一项履行条款。', 'An agreement needs at least one term.'),
  termIncomplete: (index: number, field: string) =>
    reject('TERM_INCOMPLETE', `第 ${index + 1} 项条款须填写${field}。`, `Term ${index + 1} must name its ${field}.`),
  termDueInvalid: (index: number) => reject('TERM_DUE_INVALID', `第 ${index + 1} 项条款的履行期限无效。`, `Term ${index + 1} has no valid due date.`),
  termDueInPast: (index: number, dueAt: number, now: number) =>
    reject('TERM_DUE_IN_PAST', `第 ${index + 1} 项条款的履行期限（${iso(dueAt)}）须晚于当前时间。`, `Term ${index + 1} must fall due in the future: ${iso(dueAt)} is not after ${iso(now)}.`),
  guidanceOnlyAtStreet: () =>
    reject('GUIDANCE_ONLY_AT_STREET', '社区调解不成应转街道矛盾调解中心，不能直接引导仲裁或诉讼。', 'A failure at the community goes to the street centre; guidance is given only at the street.'),
  guidanceRequired: () =>
    reject('GUIDANCE_REQUIRED', '街道调解不成须告知当事人救济途径（仲裁、诉讼或司法确认）。', 'A failure at the street must name where the parties go next (arbitration, litigation or judicial confirmation).'),
  noAgreement: () => reject('NO_AGREEMENT', '尚未达成调解协议。', 'No agreement is in force.'),
  termUnknown: (index: number) => reject('TERM_UNKNOWN', `调解协议没有第 ${index + 1} 项条款。`, `The agreement has no term ${index + 1}.`),
  termAlreadyFollowedUp: (index: number) => reject('TERM_ALREADY_FOLLOWED_UP', `第 ${index + 1} 项条款已回访。`, `Term ${index + 1} has already been followed up.`),
  termNotYetDue: (index: number, dueAt: number) =>
    reject('TERM_NOT_YET_DUE', `第 ${index + 1} 项条款尚未到履行期限（${iso(dueAt)}），不能认定未履行。`, `Term ${index + 1} is not due until ${iso(dueAt)}; it cannot be found broken yet.`),
  limitNotReached: (deadline: number) =>
    reject('LIMIT_NOT_REACHED', `调解期限（${iso(deadline)}）尚未届满。`, `The mediation time limit (${iso(deadline)}) has not been reached.`),
  limitNotRunning: () => reject('LIMIT_NOT_RUNNING', '调解期限未在计时。', 'The mediation time limit is not running.'),
  mediatorIsParty: (matchedBy: 'userId' | 'idNumberHash' | 'phoneHash') =>
    reject(
      'MEDIATOR_IS_PARTY',
      `调解员与纠纷当事人${{ userId: '为同一用户', idNumberHash: '身份证号相同', phoneHash: '手机号相同' }[matchedBy]}，应当回避。`,
      `The mediator is a party to the dispute (same ${{ userId: 'user', idNumberHash: 'ID number', phoneHash: 'phone number' }[matchedBy]}) and must step aside.`,
    ),
};
