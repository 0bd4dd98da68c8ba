// @ts-check
/**
 * Corrections applied to FerretDB v1.24.0's source before it is built (deploy/local/lib/provision.mjs).
 * Each one was found by the storage conformance suite (libs/platform/test/storage-conformance.int-spec.ts)
 * and is checked by it; see deploy/local/ferretdb/README.md for the measurements and upstream references.
 * A patch whose `find` text is missing fails the build loudly: a new FerretDB version must be re-checked.
 */

import crypto from 'node:crypto';

/**
 * @typedef {object} SourcePatch
 * @property {string} file     path inside the FerretDB module
 * @property {string} why      one line, shown in provision.log
 * @property {string} [find]   exact text to replace (absent: `replace` is a new file)
 * @property {string} replace
 * @property {number} [count]  how many occurrences `find` must have (default 1)
 */

/** @type {readonly SourcePatch[]} */
export const FERRETDB_PATCHES = Object.freeze([
  {
    // The `_id` column expression of queries (`->'$._id'`) differs from the expression of the unique `_id`
    // index (`->"_id"`), so SQLite never uses the index: every read by `_id` scanned the whole table
    // (≈ 4 s at 20,000 documents). Same value, matching expression: the index is used (≈ 1–2 ms).
    file: 'internal/backends/sqlite/metadata/metadata.go',
    why: 'query _id with the expression of its unique index, so SQLite uses the index',
    find: `IDColumn = DefaultColumn + "->'$._id'"`,
    replace: `IDColumn = DefaultColumn + "->'_id'"`,
  },
  {
    // Only a filter that is exactly {_id: v} was pushed down; {_id: v, other: …} (a conditional update, a
    // scoped read) scanned the table. The handler filters every result again, so narrowing by `_id` first is
    // exact for any filter with an `_id` equality.
    file: 'internal/backends/sqlite/collection.go',
    why: 'push the _id equality of any filter down to SQL (the handler re-applies the whole filter)',
    find: 'if params.Filter.Len() == 1 {',
    replace: 'if params.Filter.Len() >= 1 {',
    count: 2,
  },
  {
    // An update or findAndModify that would break a unique index was refused with code 1 (InternalError) while an
    // insert gets 11000 (duplicate key): the data stayed right, but callers that treat 11000 as "someone else got
    // there first" saw a server failure instead. The update path now reports it as insert does.
    file: 'internal/backends/sqlite/collection.go',
    why: 'update: report a unique-index violation as E11000 duplicate key, as insert does',
    find: `			r, err := tx.ExecContext(ctx, q, string(b), arg)
			if err != nil {
				return lazyerrors.Error(err)
			}`,
    replace: `			r, err := tx.ExecContext(ctx, q, string(b), arg)
			if err != nil {
				var se *sqlite3.Error
				if errors.As(err, &se) && se.Code() == sqlite3lib.SQLITE_CONSTRAINT_UNIQUE {
					return backends.NewError(backends.ErrorCodeInsertDuplicateID, err)
				}

				return lazyerrors.Error(err)
			}`,
  },
  {
    // update and findAndModify read the document, apply the operators in Go and write it back, with nothing
    // between the read and the write: two concurrent `$inc`s lost one, and a day counter handed out one case
    // number twice. One lock per collection makes each read-modify-write atomic, as MongoDB's are.
    file: 'internal/handler/civicflow_modify_lock.go',
    why: 'serialise read-modify-write per collection (atomic update / findAndModify)',
    replace: `// Added by CivicFlow's provisioning (deploy/local/ferretdb/patches.mjs).

package handler

import "sync"

var modifyLocks sync.Map

// lockForModify serialises read-modify-write operations on one collection and returns the unlock function.
func lockForModify(db, collection string) func() {
	v, _ := modifyLocks.LoadOrStore(db+"\\x00"+collection, &sync.Mutex{})
	m := v.(*sync.Mutex)
	m.Lock()

	return m.Unlock
}
`,
  },
  {
    file: 'internal/handler/msg_update.go',
    why: 'update: hold the collection lock from read to write',
    find: `	var matched, modified int32
	var upserted types.Array
`,
    replace: `	var matched, modified int32
	var upserted types.Array

	defer lockForModify(params.DB, params.Collection)()
`,
  },
  {
    file: 'internal/handler/msg_findandmodify.go',
    why: 'findAndModify: hold the collection lock from read to write',
    find: `func (h *Handler) findAndModifyDocument(ctx context.Context, params *common.FindAndModifyParams) (*findAndModifyResult, error) {
`,
    replace: `func (h *Handler) findAndModifyDocument(ctx context.Context, params *common.FindAndModifyParams) (*findAndModifyResult, error) {
	defer lockForModify(params.DB, params.Collection)()

`,
  },
]);

/**
 * A short id of this set of patches. The build folder is named with it, so checkouts with different sets share one
 * tools folder without rebuilding over each other, and the launcher restarts a server built from another set.
 */
export const FERRETDB_PATCH_SET = crypto.createHash('sha256').update(JSON.stringify(FERRETDB_PATCHES)).digest('hex').slice(0, 12);

/**
 * Applies the patches to a writable copy of the module.
 * @param {string} srcDir
 * @param {{ readFileSync: Function, writeFileSync: Function, existsSync: Function }} fs
 * @param {(line: string) => void} log
 */
export function applyFerretdbPatches(srcDir, fs, log) {
  for (const patch of FERRETDB_PATCHES) {
    const file = `${srcDir}/${patch.file}`;
    if (patch.find === undefined) {
      if (fs.existsSync(file)) throw new Error(`FerretDB patch: ${patch.file} already exists`);
      fs.writeFileSync(file, patch.replace);
    } else {
      const text = String(fs.readFileSync(file, 'utf8'));
      const count = text.split(patch.find).length - 1;
      const expected = patch.count ?? 1;
      if (count !== expected) {
        throw new Error(`FerretDB patch "${patch.why}": expected ${expected} occurrence(s) in ${patch.file}, found ${count}; re-check the patch for this FerretDB version`);
      }
      fs.writeFileSync(file, text.split(patch.find).join(patch.replace));
    }
    log(`patched ${patch.file}: ${patch.why}`);
  }
}
