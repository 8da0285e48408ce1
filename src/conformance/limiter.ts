/**
 * Runs at most `limit` tasks at once; the others wait and start in the order they asked (first come,
 * first served), so with a limit of 1 the requests go out strictly one after another.
 */
export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a whole number >= 1, not ${limit}`);
  }

  /** Runs the task when a slot is free and settles as it does. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      // The slot passes straight to the next waiter, so nobody overtakes it between the two steps.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
