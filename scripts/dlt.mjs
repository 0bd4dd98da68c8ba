// Dead letters: `npm run dlt -- replay <topic> [consumer-group]` sends what a group could not process back to
// its topic (after the cause is fixed). Consumers are idempotent, so replaying is safe; two letters of one message
// (two replicas gave up on it around a rebalance) are replayed once, in this run or any later one: the replay
// ledger `<topic>.dlt.replayed` (compacted, one record per message sent) remembers what was sent.
import { createRequire } from 'node:module';
import { root } from './lib/run.mjs';

const [command, topic, consumerGroup] = process.argv.slice(2);
if (command !== 'replay' || !topic) {
  console.error('usage: npm run dlt -- replay <topic> [consumer-group]   e.g. npm run dlt -- replay civicflow.hotline.v1 intake');
  process.exit(2);
}
const platform = createRequire(import.meta.url)(`${root}/libs/platform/dist/index.js`);
const config = platform.loadConfig(platform.infraConfigSchema);
const kafka = platform.createKafka('dlt-replayer', config);
const publisher = new platform.EventPublisher(kafka, 'dlt-replayer');
const result = await platform.replayDeadLetters(kafka, topic, publisher, { consumerGroup });
await publisher.disconnect();
console.log(`replayed ${result.replayed} message(s) to ${topic}${consumerGroup ? ` (skipped ${result.skipped} of other groups)` : ''}${result.duplicates ? `; ${result.duplicates} letter(s) of a message already replayed (by this or an earlier replay; two replicas gave up on it) not sent again` : ''}`);
