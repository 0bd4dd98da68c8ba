import { readFileSync } from 'node:fs';
import { DEFAULT_SLA_PROFILES, readSlaProfiles, type SlaProfile, type SlaProfileTable, validateSlaProfiles } from '@civicflow/domain';

/** In a profiles file, the profile under this key replaces every default profile the file does not name. */
export const EVERY_PROFILE = '*';

/**
 * SLA profiles from an administrator's JSON file (`{ "<profileId>": SlaProfile, … }`): a profile in the file
 * replaces the default of the same id, the others stay — or take the file's `"*"` profile when it has one.
 * Read once at start: a running case keeps the windows fixed into it when it started, so a change only reaches
 * new cases, after a restart. Demos and the console's browser tests use deploy/local/sla-profiles.short.json
 * (windows of a minute or two for every category).
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
  return withProfiles(readSlaProfiles(parsed as Record<string, SlaProfile>));
}

/** The defaults with `overrides` applied as described above; validated. */
export function withProfiles(overrides: Readonly<Record<string, SlaProfile>>): SlaProfileTable {
  const { [EVERY_PROFILE]: every, ...named } = overrides;
  const base = every ? Object.fromEntries(Object.keys(DEFAULT_SLA_PROFILES).map((id) => [id, every])) : DEFAULT_SLA_PROFILES;
  return validateSlaProfiles({ ...base, ...named });
}
