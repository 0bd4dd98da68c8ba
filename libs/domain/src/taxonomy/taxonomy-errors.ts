import type { Bilingual } from '../shared/bilingual';
import { DomainError } from '../shared/domain-error';

const LISTED_IN_MESSAGE = 10;

/** A taxonomy file failed validation; `problems` lists every problem found, the message the first ten. */
export class InvalidTaxonomy extends DomainError {
  constructor(readonly problems: readonly Bilingual[]) {
    const listed = problems.slice(0, LISTED_IN_MESSAGE);
    const more = problems.length - listed.length;
    super(
      'INVALID_TAXONOMY',
      `分类文件有 ${problems.length} 处错误：${listed.map((problem, i) => `${i + 1}) ${problem.zh}`).join('；')}${more > 0 ? `；另有 ${more} 处` : ''}`,
      `The taxonomy file has ${problems.length} problem(s): ${listed.map((problem, i) => `${i + 1}) ${problem.en}`).join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
    );
  }
}
