/**
 * kafkajs 2.2.4 keeps the event loop of every process with a connection spinning: after each response, with nothing
 * pending and no broker throttle, `RequestQueue.scheduleCheckPendingRequests` arms a timer with a negative delay
 * (1 ms) whose callback arms it again, forever — measured ~2 % of a core per idle service here, 1,000 wake-ups a
 * second. Upstream: tulios/kafkajs#1556 and #1704; the fix proposed in #1667 is not released (2.2.4 is the last
 * kafkajs release). This applies that fix once per process: with nothing pending and no throttle, no timer — a
 * request that cannot go at once is pushed onto the queue and schedules its own check.
 */
interface RequestQueueLike {
  pending: unknown[];
  throttledUntil: number;
  scheduleCheckPendingRequests(): void;
}

const FIXED = Symbol.for('civicflow.kafkajs-idle-fix');

export function fixKafkajsIdleLoop(): void {
  // kafkajs has no exports map: its source files are reachable, and this is the class every connection uses
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const RequestQueue = require('kafkajs/src/network/requestQueue') as { prototype: RequestQueueLike & { [FIXED]?: true } };
  const prototype = RequestQueue.prototype;
  if (prototype[FIXED]) return;
  const original = prototype.scheduleCheckPendingRequests;
  prototype.scheduleCheckPendingRequests = function scheduleCheckPendingRequests(this: RequestQueueLike) {
    if (this.pending.length === 0 && this.throttledUntil <= Date.now()) return;
    original.call(this);
  };
  prototype[FIXED] = true;
}
