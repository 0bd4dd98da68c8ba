// From an Update's argument (wire vocabulary, from the HTTP API) to the domain's command. Pure: runs in the
// Update validators and handlers. The time of a command is the workflow's clock, never the caller's.
import { type Actor, type CaseCommand, readRole, readSatisfaction } from '@civicflow/domain';
import type { CaseCommandName, CommandActor, CommandRejection } from './case.contract';

/** A malformed argument (HTTP 400), as opposed to a command the case's state refuses (409). */
export class InvalidCommandArgument extends Error {
  constructor(readonly field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.name = 'InvalidCommandArgument';
  }
}

export type CommandTranslation = { ok: true; command: CaseCommand } | { ok: false; rejection: CommandRejection };

type Args = Record<string, unknown>;

function text(args: Args, field: string, required = true): string | undefined {
  const value = args[field];
  if (value === undefined || value === null) {
    if (required) return ''; // the domain names the empty field in its refusal (TEXT_REQUIRED)
    return undefined;
  }
  if (typeof value !== 'string') throw new InvalidCommandArgument(field, 'must be a string');
  return value;
}

function actorOf(args: Args): CommandActor {
  const actor = args.actor as Partial<CommandActor> | undefined;
  if (!actor || typeof actor !== 'object') throw new InvalidCommandArgument('actor', 'is required');
  for (const field of ['userId', 'role', 'unitId'] as const) {
    if (typeof actor[field] !== 'string' || actor[field] === '') throw new InvalidCommandArgument(`actor.${field}`, 'must be a non-empty string');
  }
  return actor as CommandActor;
}

const roleRefused = (role: string): CommandRejection => ({
  code: 'ROLE_NOT_ALLOWED',
  zh: `角色 ${role} 无权办理案件。`,
  en: `The role '${role}' may not act on cases.`,
});

/** Builds the domain command of an Update, or says why the caller may not send it at all. */
export function toDomainCommand(name: CaseCommandName, raw: unknown, at: number): CommandTranslation {
  if (!raw || typeof raw !== 'object') throw new InvalidCommandArgument('(argument)', 'must be an object');
  const args = raw as Args;
  const wireActor = actorOf(args);
  const role = readRole(wireActor.role);
  if (!role) return { ok: false, rejection: roleRefused(wireActor.role) };
  const actor: Actor = { userId: wireActor.userId, role, unitId: wireActor.unitId };
  const base = { actor, at };
  const command = ((): CaseCommand => {
    switch (name) {
      case 'accept':
        return { type: 'accept', ...base };
      case 'return':
        return { type: 'return', ...base, reason: text(args, 'reason')! };
      case 'dispatch':
      case 'redispatch':
        return { type: name, ...base, route: routeOf(args) };
      case 'escalate':
        return { type: 'escalate', ...base, trigger: 'early', ...optional(args, 'note') };
      case 'summonDepartments': {
        const ids = args.departmentIds;
        if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) throw new InvalidCommandArgument('departmentIds', 'must be an array of strings');
        return { type: 'summonDepartments', ...base, departmentIds: ids as string[] };
      }
      case 'reportIn':
        return { type: 'reportIn', ...base, departmentId: text(args, 'departmentId')! };
      case 'refuse':
        return { type: 'refuse', ...base, departmentId: text(args, 'departmentId')!, reason: text(args, 'reason')! };
      case 'decideRefusal': {
        const decision = args.decision;
        if (decision !== 'accept' && decision !== 'overrule') throw new InvalidCommandArgument('decision', "must be 'accept' or 'overrule'");
        return { type: 'decideRefusal', ...base, departmentId: text(args, 'departmentId')!, decision, ...optional(args, 'note') };
      }
      case 'withdrawSummons':
      case 'releaseSummons':
        return { type: name, ...base, departmentId: text(args, 'departmentId')!, reason: text(args, 'reason')! };
      case 'answer':
        return { type: 'answer', ...base, departmentId: text(args, 'departmentId')!, plan: text(args, 'plan')!, result: text(args, 'result')! };
      case 'resolve':
        return { type: 'resolve', ...base, summary: text(args, 'summary')! };
      case 'suspend':
        return { type: 'suspend', ...base, reason: text(args, 'reason')! };
      case 'resume':
        return { type: 'resume', ...base };
      case 'requestExtension': {
        const extra = args.extra as { basis?: unknown; amount?: unknown; unit?: unknown } | undefined;
        if (!extra || typeof extra !== 'object') throw new InvalidCommandArgument('extra', 'is required: { basis, amount, unit }');
        if (extra.basis !== 'working' && extra.basis !== 'natural') throw new InvalidCommandArgument('extra.basis', "must be 'working' or 'natural'");
        if (extra.unit !== 'minutes' && extra.unit !== 'hours' && extra.unit !== 'days') throw new InvalidCommandArgument('extra.unit', "must be 'minutes', 'hours' or 'days'");
        if (typeof extra.amount !== 'number') throw new InvalidCommandArgument('extra.amount', 'must be a number');
        return { type: 'requestExtension', ...base, extra: { basis: extra.basis, amount: extra.amount, unit: extra.unit }, reason: text(args, 'reason')! };
      }
      case 'decideExtension':
        if (typeof args.approved !== 'boolean') throw new InvalidCommandArgument('approved', 'must be true or false');
        return { type: 'decideExtension', ...base, approved: args.approved, ...optional(args, 'note') };
      case 'issueSupervisionNotice':
        return { type: 'issueSupervisionNotice', ...base, notice: text(args, 'notice')! };
      case 'recordCallback': {
        if (typeof args.reached !== 'boolean') throw new InvalidCommandArgument('reached', 'must be true or false');
        const satisfaction = readSatisfaction(text(args, 'satisfaction', false));
        if (args.satisfaction !== undefined && !satisfaction) throw new InvalidCommandArgument('satisfaction', "must be 'satisfied', 'basically-satisfied' or 'unsatisfied'");
        return { type: 'recordCallback', ...base, reached: args.reached, ...(satisfaction ? { satisfaction } : {}), ...optional(args, 'comment') };
      }
      case 'merge':
        return { type: 'merge', ...base, masterCaseId: text(args, 'masterCaseNumber')! };
      case 'close':
        return { type: 'close', ...base, ...optional(args, 'note') };
    }
  })();
  return { ok: true, command };
}

function optional(args: Args, field: string): Record<string, string> {
  const value = text(args, field, false);
  return value !== undefined && value.trim() !== '' ? { [field]: value } : {};
}

function routeOf(args: Args) {
  const route = args.route as Record<string, unknown> | undefined;
  if (!route || typeof route !== 'object') throw new InvalidCommandArgument('route', 'is required: { streetId, communityId?, gridId? }');
  const field = (name: string) => {
    const value = route[name];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') throw new InvalidCommandArgument(`route.${name}`, 'must be a string');
    return value;
  };
  const communityId = field('communityId');
  const gridId = field('gridId');
  return { streetId: field('streetId') ?? '', ...(communityId ? { communityId } : {}), ...(gridId ? { gridId } : {}) };
}
