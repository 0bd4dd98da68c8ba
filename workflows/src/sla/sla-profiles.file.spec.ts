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
    expect(resolveSlaWindows('utilities-24h', 'urgent', demo).windows['community-handling']).toEqual(naturalMinutes(1));
    const broken = join(mkdtempSync(join(tmpdir(), 'sla-')), 'broken.json');
    writeFileSync(broken, '{ "standard": { "windows": {} } }');
    expect(() => slaProfilesFromFile(broken)).toThrow(/standard/);
    writeFileSync(broken, '[]');
    expect(() => slaProfilesFromFile(broken)).toThrow(/broken\.json/);
  });

  it('reads a file written before the vocabulary was unified (camelCase window names)', () => {
    const old = join(mkdtempSync(join(tmpdir(), 'sla-')), 'old.json');
    const windows = { acceptance: naturalMinutes(1), communityHandling: naturalMinutes(2), streetHandling: naturalMinutes(3), departmentReportIn: naturalMinutes(4), departmentAnswer: naturalMinutes(5), callback: naturalMinutes(6), mediation: naturalMinutes(7) };
    writeFileSync(old, JSON.stringify({ '*': { ...short, windows, byPriority: { urgent: { streetHandling: naturalMinutes(1) } } } }));
    const table = slaProfilesFromFile(old);
    expect(resolveSlaWindows('standard', 'normal', table).windows['department-report-in']).toEqual(naturalMinutes(4));
    expect(resolveSlaWindows('standard', 'urgent', table).windows['street-handling']).toEqual(naturalMinutes(1));
  });
});
