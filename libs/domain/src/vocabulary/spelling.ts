import type { Bilingual } from '../shared/bilingual';

/** Every word of the vocabulary has one spelling (kebab-case, as on the wire) and a label in both languages. */
export type Labels<W extends string> = Readonly<Record<W, Bilingual>>;

/**
 * Reads a word of a vocabulary, also in a spelling it had before (the domain once wrote camelCase): recorded
 * workflow histories, carried-over workflow state and stored configuration may still hold the old one. New
 * data is always written in the one spelling. Returns undefined for a word the vocabulary does not know.
 */
export function reader<W extends string>(words: readonly W[], formerly: Readonly<Record<string, W>> = {}) {
  const known = new Set<string>(words);
  return (value: unknown): W | undefined => {
    if (typeof value !== 'string') return undefined;
    if (known.has(value)) return value as W;
    return Object.prototype.hasOwnProperty.call(formerly, value) ? formerly[value] : undefined;
  };
}
