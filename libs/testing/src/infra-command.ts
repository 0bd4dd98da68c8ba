import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const launcher = join(__dirname, '../../../deploy/local/infra.mjs');

/** Whether this run's servers are the ones the project starts itself (fault tests may only kill those). */
export const ownsInfrastructure = (process.env.CIVICFLOW_INFRA ?? 'native') === 'native';

/**
 * Runs the local launcher in a child process with this process's environment (its ports and home), e.g.
 * `infraCommand('kill', 'kafka')` then `infraCommand('up', 'kafka')` for a crash and restart.
 */
export async function infraCommand(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [launcher, ...args], { env: process.env, timeout: 180_000 });
  return stdout;
}
