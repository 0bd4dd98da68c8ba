import { readFileSync } from 'node:fs';
import { DEFAULT_SLA_PROFILES, type SlaProfileTable, validateSlaProfiles } from '@civicflow/domain';

/**
 * SLA profiles from an administrator's JSON file (`{ "<profileId>": SlaProfile, … }`): a profile in the file
 * replaces the default of the same id, the others stay. Read once at start — a running case keeps the windows
 * fixed into it when it started, so a change only reaches new cases, after a restart. Demos and the console's
 * browser tests use it for windows of seconds (deploy/local/sla-profiles.short.json).
 */
export function slaProfilesFromFile(path: string | undefined): SlaProfileTable {
  if (!path) return DEFAULT_SLA_PROFILES;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`时限方案文件 ${path} 无法读取 SLA_PROFILES_FILE ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`时限方案文件 ${path} 须为对象 SLA_PROFILES_FILE ${path} must hold an object of profiles by id`);
  }
  return validateSlaProfiles({ ...DEFAULT_SLA_PROFILES, ...(parsed as SlaProfileTable) });
}
