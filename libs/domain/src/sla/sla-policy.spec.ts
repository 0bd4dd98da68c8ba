import { naturalDays, naturalHours, naturalMinutes, workingDays, workingHours } from '../calendar/business-duration';
import { InvalidSlaProfile, UnknownSlaProfile } from './sla-errors';
import { resolveSlaWindows, validateSlaProfiles } from './sla-policy';
import { DEFAULT_SLA_PROFILES } from './sla-profiles';

describe('SLA policy', () => {
  it('gives the windows of the design brief for a standard normal case', () => {
    const resolved = resolveSlaWindows('standard', 'normal');
    expect(resolved.windows).toEqual({
      acceptance: workingHours(2),
      'community-handling': workingDays(3),
      'street-handling': workingDays(5),
      'department-report-in': workingHours(2),
      'department-answer': workingDays(3),
      callback: workingDays(1),
      mediation: naturalDays(30),
    });
    expect(resolved).toMatchObject({ profileId: 'standard', priority: 'normal', warningFraction: 0.8, breachFraction: 1 });
  });

  it('switches urgent cases to natural time: 30 min acceptance, 24 h in the community', () => {
    const urgent = resolveSlaWindows('standard', 'urgent');
    expect(urgent.windows.acceptance).toEqual(naturalMinutes(30));
    expect(urgent.windows['community-handling']).toEqual(naturalHours(24));
    expect(urgent.windows.callback).toEqual(workingDays(1));
    expect(urgent.windows.mediation).toEqual(naturalDays(30));
  });

  it('has the utility, life-safety and complex profiles', () => {
    expect(resolveSlaWindows('utilities-24h', 'normal').windows['community-handling']).toEqual(naturalHours(24));
    expect(resolveSlaWindows('life-safety-2h', 'urgent').windows['community-handling']).toEqual(naturalHours(2));
    expect(resolveSlaWindows('complex-15d', 'normal').windows['community-handling']).toEqual(workingDays(15));
  });

  it('returns a plain object independent of the profile table', () => {
    const resolved = resolveSlaWindows('standard', 'high');
    expect(JSON.parse(JSON.stringify(resolved))).toEqual(resolved);
    (resolved.windows.acceptance as { amount: number }).amount = 99;
    expect(resolveSlaWindows('standard', 'high').windows.acceptance).toEqual(workingHours(1));
    expect(DEFAULT_SLA_PROFILES.standard.byPriority?.high?.acceptance).toEqual(workingHours(1));
  });

  it('rejects an unknown profile, including inherited property names', () => {
    expect(() => resolveSlaWindows('express', 'normal')).toThrow(UnknownSlaProfile);
    expect(() => resolveSlaWindows('toString', 'normal')).toThrow(UnknownSlaProfile);
  });

  it('accepts its default profiles and rejects broken ones', () => {
    expect(validateSlaProfiles(DEFAULT_SLA_PROFILES)).toBe(DEFAULT_SLA_PROFILES);
    const standard = DEFAULT_SLA_PROFILES.standard;
    const broken = (profile: object) => () => validateSlaProfiles({ custom: { ...standard, ...profile } });
    expect(broken({ windows: { ...standard.windows, callback: undefined } })).toThrow(InvalidSlaProfile);
    expect(broken({ windows: { ...standard.windows, acceptance: workingHours(-1) } })).toThrow(/acceptance/);
    expect(broken({ byPriority: { critical: {} } })).toThrow(/unknown priority/);
    expect(broken({ warningFraction: 1.2 })).toThrow(/warningFraction/);
    expect(broken({ maxTotalSuspension: workingDays(5) })).toThrow(/natural/);
  });
});
