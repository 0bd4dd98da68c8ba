import { DEFAULT_SLA_PROFILES, type SlaProfile, type SlaProfileTable } from '@civicflow/domain';

/** Every profile of the design brief with the same `windows` for every priority: a test's clocks, short or long. */
export function profilesWithWindows(windows: SlaProfile['windows']): SlaProfileTable {
  return Object.fromEntries(Object.entries(DEFAULT_SLA_PROFILES).map(([id, profile]) => [id, { ...profile, byPriority: {}, windows }]));
}
