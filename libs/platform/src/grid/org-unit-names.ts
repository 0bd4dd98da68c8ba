import { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { type Bilingual, departmentTypeOf } from '@civicflow/domain';
import type { ServiceTokens } from '../auth/service-token';
import { GridFollower } from './grid-follower';

/** A node of the grid service's org tree (GET /api/v1/org/tree). */
export interface OrgTreeNode {
  id: string;
  name: string;
  children?: OrgTreeNode[];
}

/** Flattens the org tree into id → name. */
export function namesOfTree(root: OrgTreeNode): Map<string, string> {
  const names = new Map<string, string>();
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node?.id !== 'string' || typeof node.name !== 'string') throw new Error('not an org tree: every node needs an id and a name');
    names.set(node.id, node.name);
    stack.push(...(node.children ?? []));
  }
  return names;
}

/**
 * The name of an org unit or department as people read it: the grid's org tree first (北丰市锦华社区 …), else the
 * department type's name for a department unit the tree does not know; undefined when neither knows it. The tree
 * holds Chinese names only, which English readers get too (they are proper names).
 */
export function unitNameFrom(names: ReadonlyMap<string, string> | undefined, unitId: string): Bilingual | undefined {
  const name = names?.get(unitId);
  if (name) return { zh: name, en: name };
  const department = departmentTypeOf(unitId);
  return department ? { zh: department.zh, en: department.en } : undefined;
}

export interface OrgUnitNamesOptions {
  gridUrl: string;
  tokens: ServiceTokens;
  kafka: Kafka;
  groupPrefix: string;
  /** How long the service's start waits for the first load (it goes on without; names come once the grid answers). */
  startWaitMs: number;
}

/**
 * 单位名称: the grid service's org tree in this process (followed: reloaded when the grid imports a new dataset),
 * so messages, exports and figures name units instead of showing their ids. Started and stopped with the app
 * when it is a Nest provider.
 */
export class OrgUnitNames implements OnModuleInit, OnApplicationShutdown {
  private readonly follower: GridFollower<Map<string, string>>;

  constructor(private readonly options: OrgUnitNamesOptions) {
    this.follower = new GridFollower({ what: 'org tree', path: '/api/v1/org/tree', parse: (body) => namesOfTree(body as OrgTreeNode), ...options });
  }

  onModuleInit(): Promise<void> {
    return this.follower.start(this.options.startWaitMs);
  }

  onApplicationShutdown(): Promise<void> {
    return this.follower.stop();
  }

  /** The unit's name; waits up to `waitMs` for the tree when it has not loaded yet. */
  async nameOf(unitId: string, waitMs = 0): Promise<Bilingual | undefined> {
    return unitNameFrom(waitMs > 0 ? await this.follower.ready(waitMs) : this.follower.current(), unitId);
  }

  /** Every name the tree knows (empty until it has loaded). */
  all(): ReadonlyMap<string, string> {
    return this.follower.current() ?? new Map();
  }
}
