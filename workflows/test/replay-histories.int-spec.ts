// Replays every recorded history against today's workflow code: a change that would make a running case
// take a different path (non-determinism) fails here, before it reaches a worker in production.
import { Worker } from '@temporalio/worker';
import { join } from 'node:path';
import { loadHistories, quietTemporalRuntime } from '@civicflow/testing';

describe('recorded workflow histories', () => {
  it('replay without non-determinism on the current workflow code', async () => {
    quietTemporalRuntime();
    const histories = loadHistories(join(__dirname, 'histories'));
    expect(histories.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath: require.resolve('../src/workflows') }, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
  });
});
