import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

/**
 * A Python tool the tests run (scripts/lib/python-tools.mjs: pinned, from PyPI, in a virtualenv under .civicflow/),
 * provisioned now if it is not yet — pip's progress on stderr — and the path of its virtualenv; a clear error naming
 * the reason (no python3, PyPI unreachable) if it cannot be.
 */
export function pythonTool(name: 'schemathesis' | 'open311-clients', timeoutMs = 960_000): string {
  const provision = spawnSync(process.execPath, [join(root, 'scripts', 'lib', 'python-tools.mjs'), name], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8', timeout: timeoutMs });
  process.stderr.write(provision.stderr ?? '');
  const venv = join(root, '.civicflow', name === 'schemathesis' ? 'schemathesis' : 'open311-clients-venv');
  if (provision.status !== 0 || !existsSync(join(venv, 'bin', 'python'))) {
    const reason = /✖ (.*)/.exec(provision.stderr ?? '')?.[1] ?? `exited ${provision.status ?? provision.signal}`;
    throw new Error(`the Python tool ${name} could not be provisioned (node scripts/lib/python-tools.mjs ${name}): ${reason}`);
  }
  return venv;
}
