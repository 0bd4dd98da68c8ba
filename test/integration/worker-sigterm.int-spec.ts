// The case worker stopped by SIGTERM, as an orchestrator stops it: while it is still starting (here: waiting for a
// Kafka that is not there — on a saturated machine the start takes long, and a stop came in the middle of it) it ends
// at once with exit 0, nothing in hand; running, it stops polling, finishes what it holds and exits 0 within its
// grace period. The worker is the compiled process, as npm start runs it.
import { createServer } from 'node:net';
import { integrationConfig, ownTemporalNamespace, ServiceProcess, uniqueId } from '@civicflow/testing';

const runId = uniqueId();
const GRACE_MS = 10_000;

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the case worker stopped by SIGTERM', () => {
  const workers: ServiceProcess[] = [];
  const worker = (env: Record<string, string | undefined>, startedLine: RegExp) => {
    const started = new ServiceProcess('case-worker', {
      ...env, SHUTDOWN_GRACE_MS: String(GRACE_MS), LOG_LEVEL: 'info', WORKER_HEALTH_PORT: '0', GRID_URL: 'http://127.0.0.1:9',
    }, startedLine);
    workers.push(started);
    return started;
  };

  afterAll(async () => {
    for (const w of workers) if (w.running) await w.stop('SIGKILL');
  });

  it('ends at once, exit 0, when stopped while it is still starting', async () => {
    const env = integrationConfig({ KAFKA_BROKERS: `127.0.0.1:${await closedPort()}` });
    const starting = worker(env as Record<string, string>, /case worker starting/);
    await starting.start();
    const exit = await starting.stop('SIGTERM');
    expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
    expect(exit.afterMs).toBeLessThan(GRACE_MS);
    expect(starting.messages()).toContain('启动中被停止 stopped while starting: nothing in hand');
  });

  it('running, stops polling and exits 0 within its grace period', async () => {
    const env = integrationConfig({ MONGO_DB_PREFIX: runId, CASE_TASK_QUEUE: `cases-${runId}` });
    env.TEMPORAL_NAMESPACE = await ownTemporalNamespace(env.TEMPORAL_ADDRESS);
    const running = worker(env as Record<string, string>, /case worker started/);
    await running.start();
    const exit = await running.stop('SIGTERM');
    expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
    expect(exit.afterMs).toBeLessThan(GRACE_MS);
    expect(running.messages()).toContain('已停止 stopped');
  });
});
