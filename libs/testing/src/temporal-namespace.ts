import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { uniqueId } from './test-config';

const INDEXED_VALUE_TYPE: Record<string, number> = { Text: 1, Keyword: 2, Int: 3, Double: 4, Bool: 5, Datetime: 6, KeywordList: 7 };

/**
 * Registers CivicFlow's search attributes (deploy/local/temporal-search-attributes.json) on a namespace: those it
 * lacks, so a namespace made before an attribute was added (CalendarYears) gets it too.
 */
export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  const attributes = JSON.parse(readFileSync(join(__dirname, '../../../deploy/local/temporal-search-attributes.json'), 'utf8')) as Record<string, string>;
  // a namespace registered a moment ago may not take attributes yet: retry for a while
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const existing = await existingSearchAttributes(connection, namespace);
      const missing = Object.entries(attributes).filter(([name]) => !existing.has(name));
      if (missing.length === 0) return;
      await connection.operatorService.addSearchAttributes({
        namespace,
        searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, INDEXED_VALUE_TYPE[type]])),
      });
      return;
    } catch (error) {
      if (/already exists/i.test(String((error as Error).message))) return;
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

/** Custom attributes a namespace has; none known where the server cannot list them (the time-skipping test server). */
async function existingSearchAttributes(connection: Connection, namespace: string): Promise<Set<string>> {
  try {
    return new Set(Object.keys((await connection.operatorService.listSearchAttributes({ namespace })).customAttributes ?? {}));
  } catch (error) {
    if ((error as { code?: number }).code === 12) return new Set(); // UNIMPLEMENTED
    throw error;
  }
}

/**
 * A Temporal namespace of the test file's (or bench run's) own, with CivicFlow's search attributes. Workflow ids
 * are case numbers and every test file's intake counts from 000001, so files sharing a namespace would collide.
 */
export async function ownTemporalNamespace(address: string, namespace = uniqueId('cf-test-')): Promise<string> {
  const connection = await Connection.connect({ address });
  try {
    await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('1 day') });
    await registerSearchAttributes(connection, namespace);
    return namespace;
  } finally {
    await connection.close();
  }
}
