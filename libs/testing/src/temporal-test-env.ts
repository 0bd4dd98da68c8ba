import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';

let runtimeInstalled = false;

/** Temporal's runtime logs at INFO by default; tests only want warnings. Installs once per process. */
export function quietTemporalRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('WARN') });
}

/**
 * A time-skipping Temporal server for workflow tests. Where the launcher provisioned the Java test server
 * (TEMPORAL_TEST_SERVER, set by the global setup), that one is used, since nothing can be downloaded here;
 * elsewhere the SDK fetches its own.
 */
export function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  quietTemporalRuntime();
  const path = process.env.TEMPORAL_TEST_SERVER;
  return TestWorkflowEnvironment.createTimeSkipping(path ? { server: { executable: { type: 'existing-path', path } } } : {});
}
