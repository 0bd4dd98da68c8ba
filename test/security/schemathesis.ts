// Schemathesis (PyPI, pinned in requirements.txt beside this file) runs a bounded schema fuzz of an OpenAPI
// description and fails on any 5xx. Its virtualenv is provisioned by scripts/lib/python-tools.mjs: by `npm test`
// in a step of its own, or here on first use when the suite runs alone.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pythonTool } from '@civicflow/testing';

/** The st executable, provisioned (with pip's progress on stderr) if it is not yet; a clear error if it cannot be. */
export function ensureSchemathesis(): string {
  return join(pythonTool('schemathesis'), 'bin', 'st');
}

export interface FuzzResult {
  code: number | null;
  output: string;
}

/** What a failed run found: its errors and failures, without the warnings and summary around them. */
export function findingsOf(output: string): string {
  const start = output.search(/^=+ (ERRORS|FAILURES) =+$/m);
  const end = output.search(/^=+ WARNINGS =+$/m);
  return (start >= 0 ? output.slice(start, end > start ? end : undefined) : output.slice(-3000)).slice(0, 8000);
}

/** One bounded run against one service: every operation, a few examples each, only the "no 5xx" check. One
 * worker: hypothesis describes its strategies with ast.parse, which is not thread-safe on Python 3.11
 * ("SystemError: AST constructor recursion depth mismatch" fails a run with two). */
export function fuzz(executable: string, options: { schemaUrl: string; baseUrl: string; token: string; maxExamples: number; maxSeconds: number }): Promise<FuzzResult> {
  const args = [
    'run', options.schemaUrl, '--url', options.baseUrl,
    '--header', `Authorization: Bearer ${options.token}`,
    '--checks', 'not_a_server_error',
    '--max-examples', String(options.maxExamples), '--max-time', String(options.maxSeconds),
    '--phases', 'examples,coverage,fuzzing', '--no-shrink', '--workers', '1', '--request-timeout', '10',
    '--suppress-health-check', 'all', '--seed', '12', '--output-truncate', 'true',
  ];
  return new Promise((resolve) => {
    const child = spawn(executable, args, { env: { ...process.env, NO_COLOR: '1', SCHEMATHESIS_TELEMETRY: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), (options.maxSeconds + 60) * 1000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
