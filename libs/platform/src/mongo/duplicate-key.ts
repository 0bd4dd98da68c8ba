/** MongoDB's (and FerretDB's) code for a write a unique index refused. */
export const DUPLICATE_KEY = 11000;

/** The write met a document with the same unique key (`_id` or a unique index): the usual sign that it was done before. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === DUPLICATE_KEY;
}
