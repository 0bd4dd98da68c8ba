import type { Bilingual } from './bilingual';

/**
 * Base class for errors the domain throws on bad configuration or data (never on a normal business
 * "no": those are returned as values). Carries a stable code and the message in both languages, so a
 * console can show the zh-CN text and logs stay readable in English.
 */
export class DomainError extends Error implements Bilingual {
  constructor(
    readonly code: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = new.target.name;
  }
}
