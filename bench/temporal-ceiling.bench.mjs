// The bare Temporal server's ceiling on this machine: trivial workflows started and completed per second, on the
// bench run's own namespace and a task queue of its own.
import { fileURLToPath } from 'node:url';
import { benchId, config, quietTemporalRuntime, require, rssMb, timed } from './lib.mjs';

export async function benchTemporalCeiling({ namespace, workflows = 300 } = {}) {
  const { Client, Connection } = require('@temporalio/client');
  const { NativeConnection, Worker } = require('@temporalio/worker');
  quietTemporalRuntime();
  const { TEMPORAL_ADDRESS } = config();
  const taskQueue = benchId('bench-noop-');
  const nativeConnection = await NativeConnection.connect({ address: TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection: nativeConnection, namespace, taskQueue,
    workflowsPath: fileURLToPath(new URL('./noop.workflow.js', import.meta.url)),
  });
  const running = worker.run();
  const client = new Client({ connection: await Connection.connect({ address: TEMPORAL_ADDRESS }), namespace });
  try {
    const run = await timed(async () => {
      const handles = await Promise.all(
        Array.from({ length: workflows }, (_, i) => client.workflow.start('noopWorkflow', { taskQueue, workflowId: `${taskQueue}-${i}` })),
      );
      await Promise.all(handles.map((h) => h.result()));
    });
    return [{ bench: 'temporal: bare no-op workflows', count: workflows, seconds: run.seconds, rate: workflows / run.seconds, unit: 'workflows/s', rssMb: rssMb() }];
  } finally {
    worker.shutdown();
    await running;
    await nativeConnection.close();
    await client.connection.close();
  }
}
