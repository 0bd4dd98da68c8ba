import { DEPARTMENT_CODES } from '../vocabulary/departments';
import type { Bilingual } from '../shared/bilingual';
import { isPriority } from '../sla/priority';
import { DEFAULT_SLA_PROFILES } from '../sla/sla-profiles';
import { InvalidTaxonomy } from './taxonomy-errors';
import { type MajorCategory, type MinorCategory, REQUEST_TYPES, type RequestType, type Taxonomy } from './taxonomy-types';

export interface ParseTaxonomyOptions {
  /** Department codes a minor may name; defaults to DEPARTMENT_CODES. */
  readonly departmentCodes?: readonly string[];
  /** SLA profile ids a minor may name; defaults to the keys of DEFAULT_SLA_PROFILES. */
  readonly slaProfileIds?: readonly string[];
}

type Raw = Record<string, unknown>;

/**
 * Validates a taxonomy document (the shape of taxonomy.zh-CN.json) and returns it typed. Collects every
 * problem before throwing InvalidTaxonomy, so whoever edits a replacement file can fix it in one pass.
 */
export function parseTaxonomy(json: unknown, options: ParseTaxonomyOptions = {}): Taxonomy {
  const departmentCodes = new Set(options.departmentCodes ?? DEPARTMENT_CODES);
  const slaProfileIds = new Set(options.slaProfileIds ?? Object.keys(DEFAULT_SLA_PROFILES));
  const problems: Bilingual[] = [];
  const problem = (zh: string, en: string) => problems.push({ zh, en });

  const doc = isObject(json) ? json : {};
  if (!isObject(json)) problem('根节点必须是对象', 'the root must be an object');
  else if (doc.schemaVersion !== 1) problem(`不支持的 schemaVersion：${String(doc.schemaVersion)}（应为 1）`, `unsupported schemaVersion ${String(doc.schemaVersion)} (expected 1)`);
  const rawMajors = arrayField(doc, 'majors', problem);
  const rawMinors = arrayField(doc, 'minors', problem);

  const majors: MajorCategory[] = [];
  const majorCodes = new Set<string>();
  rawMajors.forEach((raw, index) => {
    const at = `majors[${index}]`;
    const major = isObject(raw) ? raw : {};
    const code = major.code;
    if (typeof code !== 'string' || !/^\d{2}$/.test(code)) return problem(`${at} 的代码必须是两位数字`, `${at}: code must be two digits`);
    if (majorCodes.has(code)) return problem(`大类代码 ${code} 重复`, `major code ${code} is used twice`);
    majorCodes.add(code);
    if (!hasNames(major)) return problem(`大类 ${code} 缺少中文名或英文名`, `major ${code}: zh and en names are required`);
    majors.push({ code, zh: major.zh as string, en: major.en as string });
  });

  const minors: MinorCategory[] = [];
  const minorCodes = new Set<string>();
  const minorNames = new Map<string, string>();
  rawMinors.forEach((raw, index) => {
    const minor = isObject(raw) ? raw : {};
    const code = minor.code;
    if (typeof code !== 'string' || !/^\d{4}$/.test(code)) return problem(`minors[${index}] 的代码必须是四位数字`, `minors[${index}]: code must be four digits`);
    const before = problems.length;
    if (minorCodes.has(code)) problem(`小类代码 ${code} 重复`, `minor code ${code} is used twice`);
    minorCodes.add(code);
    const majorCode = code.slice(0, 2);
    if (!majorCodes.has(majorCode)) problem(`小类 ${code} 没有对应的大类 ${majorCode}`, `minor ${code} has no major ${majorCode}`);
    if (!hasNames(minor)) problem(`小类 ${code} 缺少中文名或英文名`, `minor ${code}: zh and en names are required`);
    else if (minorNames.has(minor.zh as string)) problem(`小类 ${code} 与 ${minorNames.get(minor.zh as string)} 同名「${String(minor.zh)}」`, `minor ${code} has the same zh name as ${minorNames.get(minor.zh as string)}`);
    else minorNames.set(minor.zh as string, code);
    const requestTypes = minor.requestTypes;
    if (!Array.isArray(requestTypes) || requestTypes.length === 0 || !requestTypes.every((type) => (REQUEST_TYPES as readonly unknown[]).includes(type)) || new Set(requestTypes).size !== requestTypes.length) {
      problem(`小类 ${code} 的诉求类型必须是 ${REQUEST_TYPES.join('/')} 中不重复的若干项`, `minor ${code}: requestTypes must be distinct values of ${REQUEST_TYPES.join('/')}`);
    }
    if (typeof minor.department !== 'string' || !departmentCodes.has(minor.department)) {
      problem(`小类 ${code} 的责任部门 ${String(minor.department)} 不存在`, `minor ${code}: department '${String(minor.department)}' does not exist`);
    }
    if (!isPriority(minor.priority)) problem(`小类 ${code} 的紧急程度 ${String(minor.priority)} 无效`, `minor ${code}: priority '${String(minor.priority)}' is not urgent/high/normal/low`);
    if (typeof minor.slaProfile !== 'string' || !slaProfileIds.has(minor.slaProfile)) {
      problem(`小类 ${code} 的时限方案 ${String(minor.slaProfile)} 不存在`, `minor ${code}: SLA profile '${String(minor.slaProfile)}' does not exist`);
    }
    if (typeof minor.isDispute !== 'boolean') problem(`小类 ${code} 的 isDispute 必须是 true 或 false`, `minor ${code}: isDispute must be true or false`);
    if (problems.length > before) return;
    minors.push({
      code,
      majorCode,
      zh: minor.zh as string,
      en: minor.en as string,
      requestTypes: requestTypes as RequestType[],
      department: minor.department as string,
      priority: minor.priority as MinorCategory['priority'],
      slaProfile: minor.slaProfile as string,
      isDispute: minor.isDispute as boolean,
    });
  });

  for (const major of majors) {
    if (!minors.some((minor) => minor.majorCode === major.code) && !rawMinors.some((raw) => isObject(raw) && String(raw.code).startsWith(major.code))) {
      problem(`大类 ${major.code}「${major.zh}」下没有小类`, `major ${major.code} (${major.en}) has no minor categories`);
    }
  }
  checkCounts(doc.counts, rawMajors.length, rawMinors.length, problem);

  if (problems.length > 0) throw new InvalidTaxonomy(problems);
  const name = isObject(doc.name) && hasNames(doc.name) ? { zh: doc.name.zh as string, en: doc.name.en as string } : { zh: '诉求分类', en: 'Request taxonomy' };
  return { name, majors, minors };
}

/** The file declares its counts, so a truncated or half-merged file is caught rather than silently shorter. */
function checkCounts(counts: unknown, majors: number, minors: number, problem: (zh: string, en: string) => void): void {
  if (!isObject(counts)) return void problem('缺少 counts（大类数与小类数）', 'counts (number of majors and minors) is missing');
  if (counts.majors !== majors) problem(`声明的大类数 ${String(counts.majors)} 与实际 ${majors} 不符`, `declared ${String(counts.majors)} majors but found ${majors}`);
  if (counts.minors !== minors) problem(`声明的小类数 ${String(counts.minors)} 与实际 ${minors} 不符`, `declared ${String(counts.minors)} minors but found ${minors}`);
}

function arrayField(doc: Raw, field: string, problem: (zh: string, en: string) => void): unknown[] {
  const value = doc[field];
  if (Array.isArray(value)) return value;
  problem(`缺少数组 ${field}`, `${field} must be an array`);
  return [];
}

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasNames(value: Raw): boolean {
  return typeof value.zh === 'string' && value.zh.trim() !== '' && typeof value.en === 'string' && value.en.trim() !== '';
}
