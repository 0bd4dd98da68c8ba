#!/usr/bin/env node
// @ts-check
/**
 * Local infrastructure launcher (no Docker): Apache Kafka (KRaft), Temporal dev server, FerretDB, plus the
 * Temporal time-skipping test server executable. Run from the repo root:
 *
 *   node deploy/local/infra.mjs <command>      or      npm run infra -- <command>
 */
import fs from 'node:fs';
import { endpoints, paths } from './lib/config.mjs';
import { isInfraError } from './lib/errors.mjs';
import { down, logFileOf, provision, status, tailFile, up } from './lib/launcher.mjs';
import { systemEnvironment } from './lib/system-env.mjs';

const USAGE = `usage: npm run infra -- <command>   (or: node deploy/local/infra.mjs <command>)

commands:
  provision              download/build everything once (cached in .civicflow/, or $CIVICFLOW_HOME)
  up [server...]         start kafka, temporal, ferretdb (default: all) and wait until they answer
  down [server...]       stop what this launcher started
  kill server...         SIGKILL a server as a crash would (fault drills); \`up\` starts it again
  status                 server, port, pid, state
  logs [server] [-n N] [-f]
                         last N lines (default 40) of a server's log (kafka, temporal, ferretdb, provision);
                         -f keeps following it
  endpoints              print the endpoints and every process's environment as JSON

environment: KAFKA_PORT (9092) KAFKA_CONTROLLER_PORT (9093) TEMPORAL_PORT (7233) TEMPORAL_UI_PORT (8233)
             MONGO_PORT (27017) CIVICFLOW_PORT_BASE (moves every port) CIVICFLOW_HOME CIVICFLOW_TOOLS
             CIVICFLOW_INFRA (local|external|docker) CIVICFLOW_INFRA_TIMEOUT (s)`;

/** @param {string} m */
const log = (m) => console.log(m);

/** @param {string[]} argv */
async function main(argv) {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'provision': {
      const t0 = Date.now();
      const r = await provision({ log });
      if (r.provisioned.length === 0) log(`everything is already provisioned in ${paths().tools}`);
      else log(`provisioned ${r.provisioned.join(', ')} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      return 0;
    }
    case 'up': {
      const t0 = Date.now();
      const r = await up({ servers: rest, log });
      const ep = r.endpoints;
      if (r.started.length || r.alreadyRunning.length) {
        log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s` +
          `${r.started.length ? ` — started: ${r.started.join(', ')}` : ''}` +
          `${r.alreadyRunning.length ? ` — already running: ${r.alreadyRunning.join(', ')}` : ''}`);
        const all = [...r.started, ...r.alreadyRunning];
        if (all.includes('kafka')) log(`  Kafka brokers      ${ep.kafkaBrokers}`);
        if (all.includes('temporal')) {
          log(`  Temporal           ${ep.temporalAddress}   (namespace default)`);
          log(`  Temporal Web UI    ${ep.temporalUi}`);
          log(`  test server exe    ${ep.temporalTestServerExecutable}`);
        }
        if (all.includes('ferretdb')) log(`  MongoDB (FerretDB) ${ep.mongoUrl}`);
      }
      return 0;
    }
    case 'down': {
      const r = await down({ only: rest, log });
      if (r.stopped.length) log(`stopped: ${r.stopped.join(', ')}`);
      return 0;
    }
    case 'kill': {
      if (rest.length === 0) return usageError('kill needs the server(s) to kill: kafka, temporal, ferretdb');
      const r = await down({ only: rest, log, crash: true });
      if (r.stopped.length) log(`killed: ${r.stopped.join(', ')}`);
      return 0;
    }
    case 'status': {
      const rows = await status();
      const table = [
        ['server', 'port', 'pid', 'state'],
        ...rows.map((r) => [r.server, r.ports.join(','), r.pid ? String(r.pid) : '-', r.state]),
      ];
      const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
      for (const row of table) log(row.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
      return 0;
    }
    case 'logs': {
      let n = 40;
      let follow = false;
      /** @type {string[]} */
      const names = [];
      for (let i = 0; i < rest.length; i++) {
        const a = rest[i];
        if (a === '-n' || a === '--lines') n = Number(rest[++i]);
        else if (/^-n\d+$/.test(a)) n = Number(a.slice(2));
        else if (a === '-f' || a === '--follow') follow = true;
        else names.push(a);
      }
      if (!Number.isInteger(n) || n < 0) return usageError('-n needs a number of lines');
      const servers = names.length ? names : ['kafka', 'temporal', 'ferretdb'];
      if (follow && servers.length !== 1) return usageError('-f follows one log: name the server');
      for (const s of servers) {
        const file = logFileOf(s);
        if (servers.length > 1) log(`==> ${file} <==`);
        const lines = tailFile(file, n);
        if (!fs.existsSync(file)) log(`(no log yet: ${file})`);
        else if (lines.length) log(lines.join('\n'));
        if (follow) await followFile(file);
      }
      return 0;
    }
    case 'endpoints':
      log(JSON.stringify({ ...endpoints(), environment: systemEnvironment() }, null, 2));
      return 0;
    case undefined:
    case 'help':
    case '-h':
    case '--help':
      log(USAGE);
      return cmd ? 0 : 2;
    default:
      return usageError(`unknown command "${cmd}"`);
  }
}

/** @param {string} msg */
function usageError(msg) {
  console.error(`infra: ${msg}\n\n${USAGE}`);
  return 2;
}

/**
 * Print what gets appended to `file` until Ctrl-C (survives the rotation done on restart).
 * @param {string} file
 * @returns {Promise<void>}
 */
function followFile(file) {
  let pos = fs.existsSync(file) ? fs.statSync(file).size : 0;
  return new Promise(() => {
    setInterval(() => {
      let size = 0;
      try {
        size = fs.statSync(file).size;
      } catch {
        return;
      }
      if (size < pos) pos = 0;
      if (size === pos) return;
      const fd = fs.openSync(file, 'r');
      const buf = Buffer.alloc(size - pos);
      fs.readSync(fd, buf, 0, buf.length, pos);
      fs.closeSync(fd);
      pos = size;
      process.stdout.write(buf);
    }, 500);
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    if (isInfraError(err)) {
      console.error(`✖ infra: ${err.message}`);
      process.exitCode = err.code === 'USAGE' ? 2 : 1;
    } else {
      console.error('✖ infra: unexpected failure (a bug in deploy/local?)');
      console.error(err);
      process.exitCode = 1;
    }
  },
);
