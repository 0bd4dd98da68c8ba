import { BadRequestException } from '@nestjs/common';
import { says } from '@civicflow/contracts';
import { defaultTaxonomy, MajorCategory, MinorCategory } from '@civicflow/domain';

export interface ReportCategory {
  minor: MinorCategory;
  major: MajorCategory;
}

/**
 * A minor category (小类) of the shipped 12345 taxonomy — the same one intake's TAXONOMY provider serves (which lives
 * in the intake module and so cannot be injected here; see CaseRegistrar).
 */
export function findCategory(code: string): ReportCategory | undefined {
  const taxonomy = defaultTaxonomy();
  const minor = taxonomy.minorByCode(code);
  return minor ? { minor, major: taxonomy.majorOf(minor) } : undefined;
}

/** Like findCategory, but an unknown code is the client's mistake: 400 naming the code and the field. */
export function requireCategory(code: string, field = 'categoryCode'): ReportCategory {
  const category = findCategory(code);
  if (category) return category;
  throw new BadRequestException({
    message: `未知的诉求分类"${code}" unknown category code "${code}"`,
    errors: [{ field, code: 'unknown_category', reason: says(`未知的诉求分类"${code}"（须为 12345 分类的小类代码，如 0501）`, `unknown category code "${code}" (a minor category of the 12345 taxonomy, e.g. 0501)`) }],
  });
}
