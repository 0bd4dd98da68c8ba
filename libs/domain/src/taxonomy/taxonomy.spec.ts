import { DEPARTMENT_CODES } from '../vocabulary/departments';
import { resolveSlaWindows } from '../sla/sla-policy';
import { DEFAULT_TAXONOMY_DOCUMENT, defaultTaxonomy } from './default-taxonomy';
import { parseTaxonomy } from './parse-taxonomy';
import { InvalidTaxonomy } from './taxonomy-errors';
import { createTaxonomyIndex } from './taxonomy-index';

type Doc = { counts: { majors: number; minors: number }; majors: Array<Record<string, unknown>>; minors: Array<Record<string, unknown>> };
const freshDocument = (): Doc => JSON.parse(JSON.stringify(DEFAULT_TAXONOMY_DOCUMENT)) as Doc;

function problemsOf(document: unknown, options = {}): string[] {
  try {
    parseTaxonomy(document, options);
  } catch (error) {
    if (error instanceof InvalidTaxonomy) return error.problems.map((problem) => problem.en);
    throw error;
  }
  throw new Error('expected the document to be rejected');
}

describe('the shipped taxonomy (taxonomy.zh-CN.json)', () => {
  const { taxonomy } = defaultTaxonomy();

  it('has exactly 27 major and 266 minor categories', () => {
    expect(taxonomy.majors).toHaveLength(27);
    expect(taxonomy.minors).toHaveLength(266);
  });

  it('has unique codes, every minor under an existing major, every major with minors', () => {
    const majorCodes = taxonomy.majors.map((major) => major.code);
    const minorCodes = taxonomy.minors.map((minor) => minor.code);
    expect(new Set(majorCodes).size).toBe(27);
    expect(new Set(minorCodes).size).toBe(266);
    for (const minor of taxonomy.minors) expect(majorCodes).toContain(minor.code.slice(0, 2));
    for (const code of majorCodes) expect(minorCodes.some((minor) => minor.startsWith(code))).toBe(true);
  });

  it('names real departments and SLA profiles that resolve', () => {
    for (const minor of taxonomy.minors) {
      expect(DEPARTMENT_CODES).toContain(minor.department);
      expect(() => resolveSlaWindows(minor.slaProfile, minor.priority)).not.toThrow();
      expect(minor.requestTypes.length).toBeGreaterThan(0);
    }
  });

  it('flags the dispute categories that go to mediation', () => {
    const disputes = taxonomy.minors.filter((minor) => minor.isDispute).map((minor) => minor.zh);
    for (const name of ['邻里纠纷', '物业管理纠纷', '拖欠工资', '婚姻家庭纠纷', '消费维权纠纷', '土地与院落权属纠纷']) {
      expect(disputes).toContain(name);
    }
    expect(disputes).not.toContain('停水');
  });

  it('runs outages of water, power, gas and heating on the 24-hour profile and gas leaks on the 2-hour one', () => {
    const index = defaultTaxonomy();
    for (const name of ['停水', '停电', '停气', '停暖', '暖气不热']) {
      expect(index.search(name)[0].minor).toMatchObject({ zh: name, slaProfile: 'utilities-24h' });
    }
    expect(index.search('燃气泄漏')[0].minor).toMatchObject({ priority: 'urgent', slaProfile: 'life-safety-2h' });
  });
});

describe('taxonomy lookups', () => {
  const index = defaultTaxonomy();

  it('finds by code', () => {
    expect(index.majorByCode('05')?.zh).toBe('供水');
    expect(index.minorByCode('0501')).toMatchObject({ zh: '停水', en: 'Water outage', majorCode: '05' });
    expect(index.majorOf(index.minorByCode('0501')!).code).toBe('05');
    expect(index.minorByCode('9999')).toBeUndefined();
    expect(index.minorsOf('06').every((minor) => minor.majorCode === '06')).toBe(true);
  });

  it('searches Chinese substrings, putting direct matches before matches on the major', () => {
    const hits = index.search('供热').map((hit) => hit.minor.code);
    expect(hits.slice(0, 4).every((code) => code.startsWith('06'))).toBe(true);
    expect(hits).toEqual(expect.arrayContaining(index.minorsOf('06').map((minor) => minor.code)));
    expect(index.search('漏水').map((hit) => hit.minor.zh)).toEqual(expect.arrayContaining(['供水管道漏水', '房屋漏水维修', '楼上楼下漏水纠纷']));
  });

  it('searches English case-insensitively and by code prefix, and ignores blank queries', () => {
    expect(index.search('GAS LEAK')[0].minor.code).toBe('0801');
    expect(index.search('05', 50).every((hit) => hit.minor.code.startsWith('05'))).toBe(true);
    expect(index.search('   ')).toEqual([]);
    expect(index.search('水', 3)).toHaveLength(3);
  });
});

describe('replacing the taxonomy file', () => {
  it('accepts a smaller valid file when its declared counts match', () => {
    const document = freshDocument();
    document.majors = document.majors.slice(0, 2);
    document.minors = document.minors.filter((minor) => ['01', '02'].includes(String(minor.code).slice(0, 2)));
    document.counts = { majors: 2, minors: document.minors.length };
    const index = createTaxonomyIndex(parseTaxonomy(document));
    expect(index.taxonomy.majors).toHaveLength(2);
  });

  it('rejects a file with errors and lists every one of them', () => {
    const document = freshDocument();
    document.minors[1].code = document.minors[0].code; // duplicate
    document.minors[2].department = 'ministry-of-magic';
    document.minors.push({ ...document.minors[3], code: '9901', zh: '孤儿小类' }); // no major 99
    document.minors[4].requestTypes = ['gossip'];
    document.minors[5].slaProfile = 'whenever';
    document.majors.push({ code: '28', zh: '空大类', en: 'Empty' });
    const problems = problemsOf(document);
    expect(problems).toEqual(
      expect.arrayContaining([
        `minor code ${String(document.minors[0].code)} is used twice`,
        expect.stringContaining("department 'ministry-of-magic' does not exist"),
        'minor 9901 has no major 99',
        expect.stringContaining('requestTypes must be distinct values'),
        expect.stringContaining("SLA profile 'whenever' does not exist"),
        'major 28 (Empty) has no minor categories',
        'declared 27 majors but found 28',
        'declared 266 minors but found 267',
      ]),
    );
  });

  it('gives a readable bilingual message', () => {
    const document = freshDocument();
    document.minors[0].department = 'nope';
    expect(() => parseTaxonomy(document)).toThrow(/分类文件有 1 处错误：1\) 小类 0101 的责任部门 nope 不存在 \/ The taxonomy file has 1 problem\(s\)/);
  });

  it('rejects things that are not taxonomies at all', () => {
    expect(problemsOf(null)).toContain('the root must be an object');
    expect(problemsOf({ schemaVersion: 2, majors: [], minors: [], counts: { majors: 0, minors: 0 } })).toEqual(['unsupported schemaVersion 2 (expected 1)']);
    expect(problemsOf({ schemaVersion: 1 })).toEqual(expect.arrayContaining(['majors must be an array', 'minors must be an array']));
  });

  it('checks departments against the list a deployment supplies', () => {
    const document = freshDocument();
    expect(problemsOf(document, { departmentCodes: ['housing'] }).length).toBeGreaterThan(200);
  });
});
