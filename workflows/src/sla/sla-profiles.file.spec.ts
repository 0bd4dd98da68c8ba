import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SLA_PROFILES, naturalMinutes, resolveSlaWindows } from '@civicflow/domain';
import { slaProfilesFromFile, withProfiles } from './sla-profiles.file';

const short = { ...DEFAULT_SLA_PROFILES.standard, byPriority: {}, windows: { ...DEFAULT_SLA_PROFILES.standard.windows, acceptance: naturalMinutes(1) } };

describe('SLA profiles from a file', () => {
  it('keeps the defaults without a file', () => {
    expect(slaProfilesFromFile(undefined)).toBe(DEFAULT_SLA_PROFILES);
  });

  it('replaces a named profile and keeps the others', () => {
    const table = withProfiles({ standard: short });
    expect(resolveSlaWindows('standard', 'normal', table).windows.acceptance).toEqual(naturalMinutes(1));
    expect(table['utilities-24h']).toBe(DEFAULT_SLA_PROFILES['utilities-24h']);
  });

  it('applies "*" to every profile the file does not name', () => {
    const table = withProfiles({ '*': short, 'life-safety-2h': DEFAULT_SLA_PROFILES['life-safety-2h'] });
    expect(Object.keys(table).sort()).toEqual(Object.keys(DEFAULT_SLA_PROFILES).sort());
    expect(resolveSlaWindows('complex-15d', 'normal', table).windows.acceptance).toEqual(naturalMinutes(1));
    expect(table['life-safety-2h']).toBe(DEFAULT_SLA_PROFILES['life-safety-2h']);
  });

  it('reads the demo file of the repository and refuses a broken one with the file named', () => {
    const demo = slaProfilesFromFile(join(__dirname, '../../../deploy/local/sla-profiles.short.json'));
    expect(resolveSlaWindows('utilities-24h', 'urgent', demo).windows.communityHandling).toEqual(naturalMinutes(1));
    const broken = join(mkdtempSync(join(tmpdir(), 'sla-')), 'broken.json');
    writeFileSync(broken, '{ "standard": { "windows": {} } }');
    expect(() => slaProfilesFromFile(broken)).toThrow(/standard/);
    writeFileSync(broken, '[]');
    expect(() => slaProfilesFromFile(broken)).toThrow(/broken\.json/);
  });
});
