/**
 * Runs async steps one at a time, in call order (a FIFO mutex). Workflow code uses it so that Update
 * handlers, signal handlers and timers never interleave inside one transition (decide → evolve → read the
 * clocks → record events). Plain promises: deterministic inside the workflow sandbox.
 */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  run<T>(step: () => Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(step);
    this.tail = result.then(
      () => this.pending--,
      () => this.pending--,
    );
    return result;
  }

  /** True when no step is running or waiting. */
  get idle(): boolean {
    return this.pending === 0;
  }
}
