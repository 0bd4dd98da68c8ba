import type { CaseEvent } from './case-events';
import type { Rejection } from './rejection';

/** The answer to a command: the events it produces, or why not. */
export type Decision = { readonly ok: true; readonly events: readonly CaseEvent[] } | { readonly ok: false; readonly reason: Rejection };

export const accepted = (...events: CaseEvent[]): Decision => ({ ok: true, events });
export const refused = (reason: Rejection): Decision => ({ ok: false, reason });

/** A check passes with undefined or fails with a rejection. */
export type Check = Rejection | undefined;

/** The first failing check, evaluated in order (later checks may rely on earlier ones having passed). */
export function firstFailure(...checks: ReadonlyArray<() => Check>): Check {
  for (const check of checks) {
    const failure = check();
    if (failure) return failure;
  }
  return undefined;
}
