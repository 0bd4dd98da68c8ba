// @ts-check

/**
 * @typedef {'USAGE' | 'MISSING_TOOL' | 'PORT_IN_USE' | 'PROVISION_FAILED' | 'START_FAILED' | 'NOT_READY'
 *   | 'ALREADY_RUNNING_ELSEWHERE' | 'LOCKED' | 'STOP_FAILED'} InfraErrorCode
 */

/**
 * An expected failure of the launcher: the message is one line that says what to do. The CLI prints it without a
 * stack trace and exits non-zero; programmatic callers can check `err.code`.
 */
export class InfraError extends Error {
  /**
   * @param {string} message
   * @param {InfraErrorCode} code
   * @param {{ logFile?: string }} [extra]
   */
  constructor(message, code, extra = {}) {
    super(message);
    this.name = 'InfraError';
    /** @type {InfraErrorCode} */
    this.code = code;
    /** @type {string | undefined} the log file with details, if any */
    this.logFile = extra.logFile;
  }
}

/**
 * @param {unknown} err
 * @returns {err is InfraError}
 */
export function isInfraError(err) {
  return err instanceof InfraError || (err instanceof Error && err.name === 'InfraError');
}
