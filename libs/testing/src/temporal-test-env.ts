import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { registerSearchAttributes } from './temporal-namespace';

let runtimeInstalled = false;

/** Temporal's runtime logs at INFO by default; tests only want warnings. Installs once per process. */
export function quietTemporalRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('WARN') });
}

/**
 * A time-skipping Temporal server for workflow tests, its default namespace with CivicFlow's search attributes
 * (as on a real namespace). Where the launcher provisioned the Java test server (TEMPORAL_TEST_SERVER, set by the
 * global setup), that one is used, since nothing can be downloaded here; elsewhere the SDK fetches its own.
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  quietTemporalRuntime();
  const path = process.env.TEMPORAL_TEST_SERVER;
  const env = await TestWorkflowEnvironment.createTimeSkipping(path ? { server: { executable: { type: 'existing-path', path } } } : {});
  await registerSearchAttributes(env.connection, 'default');
  return env;
}
