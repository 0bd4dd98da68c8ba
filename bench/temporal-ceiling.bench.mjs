// The bare Temporal server's ceiling on this machine: trivial workflows started and completed per second, on the
// bench run's own namespace and a task queue of its own — no-op workflows, then workflows of one no-op activity.
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
    activities: { touch: async () => 'touched' },
  });
  const running = worker.run();
  const client = new Client({ connection: await Connection.connect({ address: TEMPORAL_ADDRESS }), namespace });
  const ceiling = async (workflowType, bench) => {
    const run = await timed(async () => {
      const handles = await Promise.all(
        Array.from({ length: workflows }, (_, i) => client.workflow.start(workflowType, { taskQueue, workflowId: `${taskQueue}-${workflowType}-${i}` })),
      );
      await Promise.all(handles.map((h) => h.result()));
    });
    return { bench, count: workflows, seconds: run.seconds, rate: workflows / run.seconds, unit: 'workflows/s', rssMb: rssMb() };
  };
  try {
    return [
      await ceiling('noopWorkflow', 'temporal: bare no-op workflows'),
      await ceiling('oneActivityWorkflow', 'temporal: bare one-activity workflows'),
    ];
  } finally {
    worker.shutdown();
    await running;
    await nativeConnection.close();
    await client.connection.close();
  }
}
