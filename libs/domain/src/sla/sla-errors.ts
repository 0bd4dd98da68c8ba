import { DomainError } from '../shared/domain-error';

export class UnknownSlaProfile extends DomainError {
  constructor(readonly profileId: string) {
    super('UNKNOWN_SLA_PROFILE', `未知的时限方案「${profileId}」`, `Unknown SLA profile '${profileId}'`);
  }
}

export class InvalidSlaProfile extends DomainError {
  constructor(profileId: string, problemZh: string, problemEn: string) {
    super('INVALID_SLA_PROFILE', `时限方案「${profileId}」有误：${problemZh}`, `SLA profile '${profileId}' is invalid: ${problemEn}`);
  }
}

/** A clock was driven in an impossible order (pause twice, resume a running clock, time going backwards). */
export class SlaClockMisuse extends DomainError {
  constructor(problemZh: string, problemEn: string) {
    super('SLA_CLOCK_MISUSE', `计时器操作有误：${problemZh}`, `SLA clock misuse: ${problemEn}`);
  }
}
