import { fixKafkajsIdleLoop } from './kafkajs-idle-fix';

interface RequestQueue {
  pending: unknown[];
  throttleCheckTimeoutId?: NodeJS.Timeout | null;
  scheduleCheckPendingRequests(): void;
  maybeThrottle(ms: number): void;
  destroy(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue') as new (options: object) => RequestQueue;

function queue(): RequestQueue {
  return new RequestQueue({ maxInFlightRequests: 1, requestTimeout: 30_000, enforceRequestTimeout: false, clientId: 'test', broker: 'b:9092', logger: { debug() {}, warn() {} } });
}

describe('the kafkajs idle loop fix', () => {
  beforeAll(() => fixKafkajsIdleLoop());

  it('arms no timer when nothing is pending and the broker does not throttle', () => {
    const q = queue();
    q.scheduleCheckPendingRequests();
    expect(q.throttleCheckTimeoutId ?? null).toBeNull();
  });

  it('still checks pending requests, and waits out a throttle', () => {
    const q = queue();
    q.pending.push({});
    q.scheduleCheckPendingRequests();
    expect(q.throttleCheckTimeoutId).not.toBeNull();
    q.destroy();
    const throttled = queue();
    throttled.maybeThrottle(50);
    throttled.scheduleCheckPendingRequests();
    expect(throttled.throttleCheckTimeoutId).not.toBeNull();
    throttled.destroy();
  });
});
