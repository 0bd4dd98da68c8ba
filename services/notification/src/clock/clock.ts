/** The service's sense of "now", injected so quiet hours and retry schedules can be tested without waiting. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('NOTIFICATION_CLOCK');

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that starts at `start` and runs forward in real time (NOTIFICATION_CLOCK_START): a test or a demo can
 * place the service at 23:30 China time and watch quiet hours work, while timers and polling still advance.
 */
export function clockStartingAt(start: Date, realNow: () => number = Date.now): Clock {
  const offset = start.getTime() - realNow();
  return { now: () => new Date(realNow() + offset) };
}

/** A clock that moves only when told to (unit tests). */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
