// Regenerates docs/events.md from the contracts (run after changing an event schema).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { root, runOrFail } from './lib/run.mjs';

await runOrFail('npx', ['tsc', '-b', 'libs/contracts'], 'build of libs/contracts');
const { renderEventCatalog } = createRequire(import.meta.url)(`${root}/libs/contracts/dist/index.js`);
writeFileSync(`${root}/docs/events.md`, renderEventCatalog());
console.log('docs/events.md updated');
