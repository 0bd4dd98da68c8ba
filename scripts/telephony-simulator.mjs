#!/usr/bin/env node
// 来电弹屏 simulator: plays a call centre's telephony system (CTI) against the hotline — a call rings at an operator,
// is answered, and hangs up with a recording — so the operator's console pops up a call form with the number.
// A city connects its own CTI the same way: POST /api/v1/telephony/events with X-Telephony-Key (HOTLINE_TELEPHONY_KEY).
//
//   node scripts/telephony-simulator.mjs [--hotline http://127.0.0.1:3001] [--key $HOTLINE_TELEPHONY_KEY] [--agent operator]
//                                        [--number 13812345678] [--answer-after 2] [--hang-up-after 30]
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    hotline: { type: 'string', default: process.env.HOTLINE_URL ?? 'http://127.0.0.1:3001' },
    key: { type: 'string', default: process.env.HOTLINE_TELEPHONY_KEY },
    agent: { type: 'string', default: 'operator' },
    number: { type: 'string', default: `139${String(Date.now()).slice(-8)}` },
    'answer-after': { type: 'string', default: '2' },
    'hang-up-after': { type: 'string', default: '30' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('node scripts/telephony-simulator.mjs [--hotline URL] [--key KEY] [--agent USER] [--number PHONE] [--answer-after S] [--hang-up-after S]');
  process.exit(0);
}
if (!values.key) {
  console.error('no key: pass --key or set HOTLINE_TELEPHONY_KEY (the hotline must be started with the same HOTLINE_TELEPHONY_KEY)');
  process.exit(2);
}

const callRef = `sim-${randomUUID()}`;
const url = `${values.hotline.replace(/\/+$/, '')}/api/v1/telephony/events`;
const pause = (seconds) => new Promise((resolve) => setTimeout(resolve, Number(seconds) * 1000));

async function send(event, extra = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telephony-key': values.key },
    body: JSON.stringify({ event, callRef, callerNumber: values.number, agent: values.agent, at: new Date().toISOString(), ...extra }),
  });
  const text = await res.text();
  console.log(`${new Date().toISOString()} ${event.padEnd(8)} → ${res.status} ${text}`);
  if (!res.ok) process.exit(1);
}

console.log(`call ${callRef} from ${values.number} to ${values.agent}`);
await send('ringing');
await pause(values['answer-after']);
await send('answered');
await pause(values['hang-up-after']);
await send('hung-up', { recordingRef: `rec://simulator/${callRef}.wav` });
