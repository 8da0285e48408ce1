/**
 * Runs at most `limit` tasks at once; the others wait and start in the order they asked (first come,
 * first served), so with a limit of 1 the requests go out strictly one after another. The limit can
 * change while tasks run: a lower one lets running tasks finish and starts no new ones until under it.
 */
export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private limit: number) {
    Limiter.check(limit);
  }

  private static check(limit: number): void {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a whole number >= 1, not ${limit}`);
  }

  /** The number of tasks that may run at once from now on. */
  resize(limit: number): void {
    Limiter.check(limit);
    this.limit = limit;
    this.startWaiting();
  }

  /** Runs the task when a slot is free and settles as it does. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.startWaiting();
    }
  }

  private startWaiting(): void {
    while (this.running < this.limit && this.waiting.length > 0) {
      this.running++;
      (this.waiting.shift() as () => void)();
    }
  }
}
