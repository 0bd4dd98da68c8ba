// Registers a Temporal namespace with CivicFlow's search attributes and waits until it takes workflows.
import { readFileSync } from 'node:fs';
import { Connection } from '@temporalio/client';

const searchAttributes = JSON.parse(readFileSync(new URL('../deploy/local/temporal-search-attributes.json', import.meta.url), 'utf8'));

const INDEXED_VALUE_TYPE = { Keyword: 2, Text: 1, Int: 3, Double: 4, Bool: 5, Datetime: 6, KeywordList: 7 };

export async function prepareTemporalNamespace(address, namespace) {
  const connection = await Connection.connect({ address });
  try {
    try {
      await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: { seconds: 24 * 3600 } });
    } catch (error) {
      if (!/already exists|AlreadyExists/i.test(String(error?.message))) throw error;
    }
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        await connection.operatorService.addSearchAttributes({
          namespace,
          searchAttributes: Object.fromEntries(Object.entries(searchAttributes).map(([name, type]) => [name, INDEXED_VALUE_TYPE[type]])),
        });
        break;
      } catch (error) {
        if (/already exists/i.test(String(error?.message))) break;
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  } finally {
    await connection.close();
  }
}
