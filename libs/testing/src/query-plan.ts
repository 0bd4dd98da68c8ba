/**
 * Reads a MongoDB-protocol server's `explain` answer: which server it is and whether the plan uses an index.
 * The storage conformance suite uses it to check that every hot-path query shape is an index lookup.
 */

export type StorageServer = 'ferretdb' | 'mongodb';

/** FerretDB answers `buildInfo` with a `ferretdbVersion`; MongoDB does not. */
export function storageServerOf(buildInfo: Record<string, unknown>): { server: StorageServer; version: string } {
  if (typeof buildInfo.ferretdbVersion === 'string') return { server: 'ferretdb', version: buildInfo.ferretdbVersion };
  return { server: 'mongodb', version: String(buildInfo.version) };
}

export interface PlanUse {
  indexed: boolean;
  /** the plan in one line, for failure messages */
  plan: string;
}

// MongoDB stages that read through an index (IDHACK: the classic _id lookup; EXPRESS_*: 8.0's fast paths)
const MONGODB_INDEX_STAGES = new Set(['IXSCAN', 'IDHACK', 'EXPRESS_IXSCAN', 'EXPRESS_CLUSTERED_IXSCAN', 'EXPRESS_UPDATE', 'EXPRESS_DELETE']);

/**
 * FerretDB (SQLite backend) reports SQLite's `EXPLAIN QUERY PLAN` rows in `queryPlanner.Plan`: `SEARCH … USING INDEX`
 * is an index lookup, `SCAN` reads every row. FerretDB on PostgreSQL reports PostgreSQL's plan tree
 * (`Index Scan`, `Seq Scan`). MongoDB reports `queryPlanner.winningPlan`, a tree of stages that must read through
 * an index and never through COLLSCAN.
 */
export function planUse(explain: Record<string, unknown>): PlanUse {
  const planner = (explain.queryPlanner ?? {}) as Record<string, unknown>;
  if (Array.isArray(planner.Plan)) {
    const rows = planner.Plan.map(String);
    const searches = rows.filter((r) => /\bSEARCH\b.*\bUSING\b.*\b(INDEX|PRIMARY KEY)\b/.test(r));
    return { indexed: searches.length > 0 && !rows.some((r) => /\bSCAN\b/.test(r)), plan: rows.join(' | ') };
  }
  if (planner.Plan && typeof planner.Plan === 'object') {
    const nodes = collect(planner.Plan, (n) => (typeof n['Node Type'] === 'string' ? [n['Node Type']] : []), 'Plans');
    return { indexed: nodes.some((t) => /Index/.test(t)) && !nodes.includes('Seq Scan'), plan: nodes.join(' > ') };
  }
  const winning = (planner.winningPlan ?? {}) as Record<string, unknown>;
  const tree = (winning.queryPlan ?? winning) as Record<string, unknown>; // SBE plans nest the tree under queryPlan
  const stages = collect(tree, (n) => (typeof n.stage === 'string' ? [n.stage] : []), 'inputStage', 'inputStages');
  return { indexed: stages.some((s) => MONGODB_INDEX_STAGES.has(s)) && !stages.includes('COLLSCAN'), plan: stages.join(' > ') || JSON.stringify(planner) };
}

function collect(node: unknown, pick: (n: Record<string, unknown>) => string[], ...children: string[]): string[] {
  if (!node || typeof node !== 'object') return [];
  const n = node as Record<string, unknown>;
  const below = children.flatMap((key) => {
    const child = n[key];
    return Array.isArray(child) ? child.flatMap((c) => collect(c, pick, ...children)) : collect(child, pick, ...children);
  });
  return [...pick(n), ...below];
}
