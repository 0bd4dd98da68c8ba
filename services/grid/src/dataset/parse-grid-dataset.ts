import { z } from 'zod';
import { createOrgTree, DomainError, InvalidOrgTree } from '@civicflow/domain';
import { orgUnitsOf } from '@civicflow/grid-routing';
import { type GridDataset, gridDatasetSchema } from './grid-dataset';

const MAX_PROBLEMS_SHOWN = 20;

/** A dataset file that cannot be imported; every problem names its entry (`grids.features[12] 'bf-…-g13' …`). */
export class InvalidGridDataset extends DomainError {
  constructor(readonly problems: readonly string[]) {
    const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
    const more = problems.length > shown.length ? ` … (+${problems.length - shown.length})` : '';
    super(
      'INVALID_GRID_DATASET',
      `网格数据有 ${problems.length} 处错误，未导入：${shown.join('；')}${more}`,
      `grid dataset has ${problems.length} problem(s), nothing imported: ${shown.join('; ')}${more}`,
    );
  }
}

/**
 * Checks a whole file before anything is written: its shape, the org tree (one city, every parent present and one
 * level up, known department codes), staffing (at most one chief, police officer and specialist per grid) and
 * references (households to grids). Throws InvalidGridDataset listing the problems.
 */
export function parseGridDataset(input: unknown): GridDataset {
  const parsed = gridDatasetSchema.safeParse(input);
  if (!parsed.success) throw new InvalidGridDataset(parsed.error.issues.map((issue) => describeIssue(input, issue)));
  const dataset = parsed.data;
  const grids = dataset.grids.features.map((feature) => feature.properties);

  try {
    createOrgTree(orgUnitsOf(dataset.units, grids));
  } catch (error) {
    if (error instanceof InvalidOrgTree) throw new InvalidGridDataset([error.en]); // names the unit
    throw error;
  }

  const problems: string[] = [];
  grids.forEach((grid, index) => {
    const entry = `grids.features[${index}] '${grid.id}'`;
    for (const duty of ['chief', 'police', 'specialist'] as const) {
      const count = grid.staff.filter((member) => member.duty === duty).length;
      if (count > 1) problems.push(`${entry}: has ${count} staff with duty '${duty}', at most one is allowed (一格一长一警一专)`);
    }
    for (const staffId of duplicates(grid.staff.map((member) => member.staffId))) problems.push(`${entry}: staff id '${staffId}' appears twice`);
    for (const name of duplicates(grid.compounds.map((compound) => compound.name))) problems.push(`${entry}: compound '${name}' is listed twice`);
  });

  const gridIds = new Set(grids.map((grid) => grid.id));
  for (const id of duplicates(dataset.households.map((household) => household.id))) problems.push(`household id '${id}' appears twice`);
  dataset.households.forEach((household, index) => {
    if (!gridIds.has(household.gridId)) problems.push(`households[${index}] '${household.id}': grid '${household.gridId}' does not exist`);
  });

  if (problems.length > 0) throw new InvalidGridDataset(problems);
  return dataset;
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  return [...repeated];
}

/** `grids.features[3] 'bf-d01-s01-c01-g04' .geometry.coordinates.0: a ring must be closed …` */
function describeIssue(input: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String);
  const listed = (['units', 'households'] as const).find((list) => path[0] === list);
  let entry: string;
  let rest: string[];
  if (listed && path.length > 1) {
    entry = `${listed}[${path[1]}]${idOf(at(input, [listed, path[1]]))}`;
    rest = path.slice(2);
  } else if (path[0] === 'grids' && path[1] === 'features' && path.length > 2) {
    entry = `grids.features[${path[2]}]${idOf(at(input, ['grids', 'features', path[2], 'properties']))}`;
    rest = path.slice(3);
  } else {
    entry = path.length > 0 ? path.join('.') : '(file)';
    rest = [];
  }
  return `${entry}${rest.length > 0 ? ` .${rest.join('.')}` : ''}: ${issue.message}`;
}

function at(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), value);
}

function idOf(entry: unknown): string {
  const id = at(entry, ['id']);
  return typeof id === 'string' && id.length > 0 ? ` '${id}'` : '';
}
