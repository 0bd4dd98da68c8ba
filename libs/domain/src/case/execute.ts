import type { CaseCommand } from './case-commands';
import type { CaseEvent } from './case-events';
import type { CaseState } from './case-state';
import { decide } from './decide';
import type { Rejection } from './rejection';
import { evolve } from './evolve';

export type Execution =
  | { readonly ok: true; readonly state: CaseState; readonly events: readonly CaseEvent[] }
  | { readonly ok: false; readonly reason: Rejection };

/** decide, then evolve with the events: the usual handler body. */
export function execute(state: CaseState, command: CaseCommand): Execution {
  const decision = decide(state, command);
  if (!decision.ok) return decision;
  return { ok: true, state: decision.events.reduce(evolve, state), events: decision.events };
}
