import { isValidDuration } from '../calendar/business-duration';
import { PRIORITIES, type Priority } from './priority';
import { InvalidSlaProfile, UnknownSlaProfile } from './sla-errors';
import { DEFAULT_SLA_PROFILES, type SlaProfileTable } from './sla-profiles';
import { readSlaWindow, SLA_WINDOWS, type SlaWindowName } from '../vocabulary/sla-windows';
import type { SlaProfile } from './sla-profiles';
import type { SlaWindows } from './sla-windows';

/**
 * The concrete windows for a category's SLA profile and a case's priority, as a fresh plain object
 * (safe to store in a workflow's input; nothing in it refers back to the profile table).
 */
export function resolveSlaWindows(profileId: string, priority: Priority, profiles: SlaProfileTable = DEFAULT_SLA_PROFILES): SlaWindows {
  const profile = Object.prototype.hasOwnProperty.call(profiles, profileId) ? profiles[profileId] : undefined;
  if (!profile) throw new UnknownSlaProfile(profileId);
  const adjusted = profile.byPriority?.[priority] ?? {};
  const windows = Object.fromEntries(
    SLA_WINDOWS.map((name) => [name, { ...(adjusted[name] ?? profile.windows[name]) }]),
  ) as Record<SlaWindowName, SlaWindows['windows'][SlaWindowName]>;
  return {
    profileId,
    priority,
    windows,
    warningFraction: profile.warningFraction,
    breachFraction: 1,
    maxTotalSuspension: { ...profile.maxTotalSuspension },
  };
}

/** Checks a (possibly administrator-edited) profile table; throws InvalidSlaProfile on the first problem. */
export function validateSlaProfiles(profiles: SlaProfileTable): SlaProfileTable {
  for (const [profileId, profile] of Object.entries(profiles)) {
    for (const name of SLA_WINDOWS) {
      if (!profile.windows?.[name] || !isValidDuration(profile.windows[name])) {
        throw new InvalidSlaProfile(profileId, `缺少或无效的时限 ${name}`, `window '${name}' is missing or invalid`);
      }
    }
    for (const [priority, windows] of Object.entries(profile.byPriority ?? {})) {
      if (!(PRIORITIES as readonly string[]).includes(priority)) {
        throw new InvalidSlaProfile(profileId, `未知的紧急程度 ${priority}`, `unknown priority '${priority}'`);
      }
      for (const [name, duration] of Object.entries(windows ?? {})) {
        if (!(SLA_WINDOWS as readonly string[]).includes(name) || !duration || !isValidDuration(duration)) {
          throw new InvalidSlaProfile(profileId, `${priority} 的时限 ${name} 无效`, `window '${name}' for ${priority} is invalid`);
        }
      }
    }
    if (!(profile.warningFraction > 0 && profile.warningFraction < 1)) {
      throw new InvalidSlaProfile(profileId, '预警比例须在 0 与 1 之间', 'warningFraction must be between 0 and 1');
    }
    if (!isValidDuration(profile.maxTotalSuspension) || profile.maxTotalSuspension.basis !== 'natural') {
      throw new InvalidSlaProfile(profileId, '挂起上限须为自然时间', 'maxTotalSuspension must be a natural-time duration');
    }
  }
  return profiles;
}

/**
 * A profile table as an administrator's file holds it, with window names in the one spelling: files written
 * before the vocabulary was unified name the windows in camelCase (communityHandling …), which still reads.
 * Unknown names are kept, so validateSlaProfiles reports them.
 */
export function readSlaProfiles(raw: Readonly<Record<string, SlaProfile>>): Record<string, SlaProfile> {
  const windowsOf = (table: object | undefined) =>
    table && typeof table === 'object' ? Object.fromEntries(Object.entries(table).map(([name, duration]) => [readSlaWindow(name) ?? name, duration])) : table;
  return Object.fromEntries(
    Object.entries(raw).map(([id, profile]) => [
      id,
      !profile || typeof profile !== 'object'
        ? profile
        : ({
            ...profile,
            windows: windowsOf(profile.windows),
            ...(profile.byPriority && typeof profile.byPriority === 'object'
              ? { byPriority: Object.fromEntries(Object.entries(profile.byPriority).map(([priority, windows]) => [priority, windowsOf(windows)])) }
              : {}),
          } as SlaProfile),
    ]),
  );
}
