import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES } from '../lib/vocabulary';
import { MESSAGES, placeholders, translate } from './messages';

const entries = Object.entries(MESSAGES) as [string, readonly [string, string]][];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('message table', () => {
  it('has a Chinese and an English text for every key', () => {
    for (const [key, [zh, en]] of entries) {
      expect({ key, zh: zh.trim().length > 0, en: en.trim().length > 0 }).toEqual({ key, zh: true, en: true });
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, [zh, en]] of entries) expect({ key, p: placeholders(zh) }).toEqual({ key, p: placeholders(en) });
  });

  it('has no English left in the Chinese column of user-facing labels (a rough check: some CJK in every zh text)', () => {
    const untranslated = entries.filter(([, [zh, en]]) => zh === en && /[A-Za-z]/.test(zh.replace(/\{\w+\}/g, '')));
    expect(untranslated.map(([k]) => k)).toEqual([]);
  });

  it('knows every literal key the screens ask for', () => {
    const used = new Set<string>();
    for (const file of sources(join(__dirname, '..'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z0-9.-]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !(k in MESSAGES))).toEqual([]);
  });

  it('covers every value of the enumerations shown through template keys', () => {
    const families: Record<string, string[]> = {
      stage: ['registered', 'awaiting-dispatch', 'dispatched', 'returned', 'in-handling', 'suspended', 'resolved', 'called-back', 'under-review', 'closed', 'merged'],
      level: ['community', 'street', 'department', 'supervision'],
      role: [...ROLES, 'system'],
      requestType: ['inquiry', 'suggestion', 'tip-off', 'complaint', 'help'],
      urgency: ['urgent', 'high', 'normal', 'low'],
      satisfaction: ['satisfied', 'basically-satisfied', 'unsatisfied', 'unreached'],
      window: ['acceptance', 'community-handling', 'street-handling', 'department-report-in', 'department-answer', 'callback', 'mediation'],
      summons: ['summoned', 'reported-in', 'refusal-pending', 'answered', 'released', 'withdrawn'],
      cmd: ['dispatch', 'redispatch', 'accept', 'return', 'escalate', 'summonDepartments', 'reportIn', 'refuse', 'decideRefusal', 'withdrawSummons', 'releaseSummons', 'answer', 'resolve', 'suspend', 'resume', 'requestExtension', 'decideExtension', 'issueSupervisionNotice', 'merge', 'close'],
      sla: ['green', 'yellow', 'red', 'grey'],
      'sup.metric': ['cases', 'composite', 'respondedOnTimeRate', 'responseRate', 'resolutionRate', 'satisfactionRate', 'onTimeRate', 'escalationRate', 'returnRate', 'reopenRate', 'disputeResolutionRate'],
      closure: ['callback-completed', 'callback-unreachable', 'direct-answer', 'supervisor-decision'],
      'mediation.stage': ['awaiting-mediator', 'mediating', 'agreed', 'resolved', 'failed'],
    };
    const missing = Object.entries(families).flatMap(([family, values]) => values.map((v) => `${family}.${v}`)).filter((k) => !(k in MESSAGES));
    expect(missing).toEqual([]);
  });

  it('fills placeholders and falls back to the key', () => {
    expect(translate('zh-CN', 'case.title', { n: '20260504-000001' })).toBe('案件 20260504-000001');
    expect(translate('en', 'common.total', { n: 3 })).toBe('3 in total');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });
});
