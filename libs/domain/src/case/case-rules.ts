/** Fixed rules of the lifecycle (the time windows live in the SLA profiles). */
export const CASE_RULES = {
  /** 重办 at most twice; a third dissatisfied callback goes to supervisor review (督查复核). */
  maxReopens: 2,
  /** After this many unanswered callback attempts the case may be closed as unreachable. */
  callbackAttemptsBeforeUnreachable: 3,
} as const;
