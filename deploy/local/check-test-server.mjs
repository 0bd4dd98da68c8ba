#!/usr/bin/env node
// @ts-check
/**
 * Smoke test of the provisioned Temporal time-skipping test server with the SDK that uses it:
 * `@temporalio/testing` starts `<path> <port>` (existing-path executable), connects within 5 s, skips time,
 * and kills it on teardown.
 *
 *   node deploy/local/check-test-server.mjs
 */
import { provision } from './lib/launcher.mjs';
import { endpoints } from './lib/config.mjs';
import { isInfraError } from './lib/errors.mjs';

try {
  await provision({ log: (m) => console.log(m), only: ['temporalTestServer'] });
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const path = endpoints().temporalTestServerExecutable;
  const t0 = Date.now();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path } },
  });
  const started = Date.now() - t0;
  const before = Date.now();
  await env.sleep('2 days');
  const skipped = Date.now() - before;
  const ns = await env.client.workflowService.describeNamespace({ namespace: env.namespace ?? 'default' });
  await env.teardown();
  console.log(
    `ok: ${path}\n    started in ${started} ms, slept 2 days in ${skipped} ms, namespace ${ns.namespaceInfo?.name}, torn down`,
  );
} catch (e) {
  console.error(`✖ test server check failed: ${isInfraError(e) ? e.message : e instanceof Error ? e.stack : e}`);
  process.exitCode = 1;
}
