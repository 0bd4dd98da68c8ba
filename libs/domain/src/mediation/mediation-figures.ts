// The mediation figures supervisors rank units by (化解率 and friends), computed from the disputes behind them,
// so every number can be reproduced and drilled into: each figure lists the dispute ids it counted.
import { CHINA_UTC_OFFSET_MS, DAY_MS } from '../calendar/china-time';
import { instantMs, type MediationInstant } from './mediation-rules';
import type { MediationLevel } from './mediation-types';

/** One dispute as the mediation service's read model holds it (built from the mediation events). */
export interface MediationDisputeRecord {
  disputeId: string;
  communityId: string;
  streetId: string;
  openedAt: MediationInstant;
  /** How it ended: resolved (every term kept) or failed at the street (guided to arbitration or the courts). */
  outcome?: { kind: 'resolved' | 'failed'; at: MediationInstant; level: MediationLevel } | null;
  /** The running limit's deadline while it is open (null or absent when not running). */
  deadline?: MediationInstant | null;
  /** Agreements in order; `followedUp` once all terms were found kept or one broken. */
  agreements?: readonly { reachedAt: MediationInstant; followedUp?: { kept: boolean; at: MediationInstant } | null }[];
}

export interface MediationPeriod {
  /** Inclusive. */
  from: MediationInstant;
  /** Exclusive. */
  to: MediationInstant;
}

/** Group by community, by street, by China calendar month of the instant counted, or not at all. */
export type MediationGroupBy = 'community' | 'street' | 'month' | 'none';

export interface MediationFigures {
  /** The community or street id, the month ('2099-03'), or 'all'. */
  key: string;
  /** 化解率's denominator: disputes that ended in the period (resolved or failed) plus open ones overdue in it. */
  closedOrDue: number;
  resolved: number;
  failed: number;
  overdue: number;
  /** 化解率 = resolved / closed-or-due; null when nothing was closed or due. */
  resolutionRate: number | null;
  /** Resolved by the community's committee vs the street's centre ("小事不出社区，大事不出街道"). */
  settledInCommunity: number;
  settledInStreet: number;
  communityShare: number | null;
  streetShare: number | null;
  /** Agreements reached in the period and the mean natural days from the dispute's opening to each. */
  agreementsReached: number;
  averageDaysToAgreement: number | null;
  /** Agreements whose follow-up finished in the period: every term kept, or a term broken. */
  agreementsFollowedUp: number;
  agreementsKept: number;
  keptRate: number | null;
  /** The disputes behind each count (drill-down). */
  disputes: { resolved: string[]; failed: string[]; overdue: string[]; agreed: string[]; kept: string[]; broken: string[] };
}

export interface MediationFiguresReport {
  period: { from: string; to: string };
  groupBy: MediationGroupBy;
  total: MediationFigures;
  groups: MediationFigures[];
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** China calendar month of an instant, 'YYYY-MM'. */
function chinaMonth(ms: number): string {
  return new Date(ms + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 7);
}

interface Tally {
  resolved: string[];
  failed: string[];
  overdue: string[];
  agreed: string[];
  kept: string[];
  broken: string[];
  settledInCommunity: number;
  settledInStreet: number;
  daysToAgreement: number[];
}

const emptyTally = (): Tally => ({ resolved: [], failed: [], overdue: [], agreed: [], kept: [], broken: [], settledInCommunity: 0, settledInStreet: 0, daysToAgreement: [] });

function finish(key: string, tally: Tally): MediationFigures {
  const resolved = tally.resolved.length;
  const failed = tally.failed.length;
  const overdue = tally.overdue.length;
  const closedOrDue = resolved + failed + overdue;
  const followedUp = tally.kept.length + tally.broken.length;
  const days = tally.daysToAgreement;
  return {
    key,
    closedOrDue,
    resolved,
    failed,
    overdue,
    resolutionRate: ratio(resolved, closedOrDue),
    settledInCommunity: tally.settledInCommunity,
    settledInStreet: tally.settledInStreet,
    communityShare: ratio(tally.settledInCommunity, resolved),
    streetShare: ratio(tally.settledInStreet, resolved),
    agreementsReached: tally.agreed.length,
    averageDaysToAgreement: days.length > 0 ? Math.round((days.reduce((sum, d) => sum + d, 0) / days.length) * 10) / 10 : null,
    agreementsFollowedUp: followedUp,
    agreementsKept: tally.kept.length,
    keptRate: ratio(tally.kept.length, followedUp),
    disputes: {
      resolved: [...tally.resolved].sort(),
      failed: [...tally.failed].sort(),
      overdue: [...tally.overdue].sort(),
      agreed: [...tally.agreed].sort(),
      kept: [...tally.kept].sort(),
      broken: [...tally.broken].sort(),
    },
  };
}

/**
 * 化解率 and the other mediation figures for a period ([from, to)), per community, street or month:
 *  - resolution rate = disputes resolved in the period / disputes closed (resolved or failed) in it or due
 *    in it (open, with their limit's deadline inside the period and passed by its end);
 *  - share settled in the community vs the street, of the disputes resolved;
 *  - average natural days from opening to each agreement reached in the period (a reopened dispute counts
 *    each agreement, from the opening);
 *  - share of agreements kept, of those whose follow-up finished in the period.
 * A dispute counts in the group of its community or street; by month, each count goes to the month its
 * instant (end, deadline, agreement, follow-up) fell in. The domain is pure: the caller passes every dispute
 * that may count (the service's read model), and `period.to` is "now" for a period still running.
 */
export function computeMediationFigures(disputes: readonly MediationDisputeRecord[], period: MediationPeriod, groupBy: MediationGroupBy): MediationFiguresReport {
  const from = instantMs(period.from);
  const to = instantMs(period.to);
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) throw new RangeError(`invalid period: ${String(period.from)} – ${String(period.to)}`);
  const inPeriod = (ms: number) => Number.isFinite(ms) && ms >= from && ms < to;
  const total = emptyTally();
  const groups = new Map<string, Tally>();
  const tallyFor = (dispute: MediationDisputeRecord, at: number): Tally[] => {
    if (groupBy === 'none') return [total];
    const key = groupBy === 'community' ? dispute.communityId : groupBy === 'street' ? dispute.streetId : chinaMonth(at);
    let tally = groups.get(key);
    if (!tally) groups.set(key, (tally = emptyTally()));
    return [total, tally];
  };

  for (const dispute of disputes) {
    const id = dispute.disputeId;
    const opened = instantMs(dispute.openedAt);
    const outcome = dispute.outcome;
    const endedAt = outcome ? instantMs(outcome.at) : Number.NaN;
    if (outcome && inPeriod(endedAt)) {
      for (const tally of tallyFor(dispute, endedAt)) {
        if (outcome.kind === 'resolved') {
          tally.resolved.push(id);
          if (outcome.level === 'community') tally.settledInCommunity++;
          else tally.settledInStreet++;
        } else tally.failed.push(id);
      }
    }
    // open at the period's end (or ended later), with its limit running out inside the period: 超期未化解
    const deadline = instantMs(dispute.deadline);
    const openAtEnd = !outcome || !(endedAt < to);
    if (openAtEnd && inPeriod(deadline)) for (const tally of tallyFor(dispute, deadline)) tally.overdue.push(id);

    for (const agreement of dispute.agreements ?? []) {
      const reached = instantMs(agreement.reachedAt);
      if (inPeriod(reached)) {
        for (const tally of tallyFor(dispute, reached)) {
          tally.agreed.push(id);
          if (Number.isFinite(opened)) tally.daysToAgreement.push(Math.max(0, reached - opened) / DAY_MS);
        }
      }
      const followed = agreement.followedUp;
      const followedAt = followed ? instantMs(followed.at) : Number.NaN;
      if (followed && inPeriod(followedAt)) for (const tally of tallyFor(dispute, followedAt)) (followed.kept ? tally.kept : tally.broken).push(id);
    }
  }

  return {
    period: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
    groupBy,
    total: finish('all', total),
    groups: [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, tally]) => finish(key, tally)),
  };
}
