import { consultationMinutes, consultationRecordSchema } from './consultation-record.dto';

const valid = {
  minutesSummary: '就地下车库漏水问题四方共议',
  participants: [
    { side: 'party-organisation', name: '党委书记 王芳' },
    { side: 'residents-committee', name: '居委会主任 李娜' },
    { side: 'property-company', name: '物业经理 赵磊', organisation: '锦华物业' },
    { side: 'owners-committee', name: '业委会主任 孙伟' },
    { side: 'other', name: '律师 周敏' },
  ],
  commitments: [{ side: 'property-company', by: '锦华物业', commitment: '两周内修复车库防水', dueAt: '2026-12-12T16:00:00.000Z' }],
};

describe('3+X consultation record', () => {
  it('accepts the four standing sides plus X with their commitments', () => {
    expect(consultationRecordSchema.safeParse(valid).success).toBe(true);
  });

  it('needs the party organisation, someone present and a commitment', () => {
    const without = consultationRecordSchema.safeParse({ ...valid, participants: valid.participants.filter((p) => p.side !== 'party-organisation') });
    expect(without.success).toBe(false);
    expect(without.error?.issues[0]).toMatchObject({ path: ['participants'], message: expect.stringMatching(/^3\+X 协商须有社区党组织参加/) });
    expect(consultationRecordSchema.safeParse({ ...valid, commitments: [] }).error?.issues[0].path).toEqual(['commitments']);
    expect(consultationRecordSchema.safeParse({ ...valid, participants: [{ side: 'landlord', name: 'x' }] }).success).toBe(false);
  });

  it('writes minutes naming who took part and what each side promised', () => {
    const parsed = consultationRecordSchema.parse(valid);
    const minutes = consultationMinutes(parsed.minutesSummary, {
      participants: parsed.participants.map((p) => ({ ...p, organisation: p.organisation ?? null })),
      commitments: parsed.commitments.map((c) => ({ ...c, dueAt: c.dueAt ?? null })),
    });
    expect(minutes).toContain('社区党组织：党委书记 王芳');
    expect(minutes).toContain('物业公司锦华物业承诺两周内修复车库防水（2026-12-12前）');
  });
});
