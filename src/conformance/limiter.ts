/**
 * Runs at most `limit` tasks at once; the others wait and start in the order they asked (first come,
 * first served), so with a limit of 1 the requests go out strictly one after another. A task that asks
 * with `background` waits behind every ordinary one: the explorer's requests fill the slots the
 * checks leave free. The limit can change while tasks run: a lower one lets running tasks finish and
 * starts no new ones until under it.
 */
export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly waitingBehind: (() => void)[] = [];

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

  /** Runs the task when a slot is free (after every ordinary task, for a `background` one) and settles as it does. */
  async run<T>(task: () => Promise<T>, background = false): Promise<T> {
    const queue = background ? this.waitingBehind : this.waiting;
    if (this.running >= this.limit || this.waiting.length + this.waitingBehind.length > 0)
      await new Promise<void>((resolve) => queue.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.startWaiting();
    }
  }

  private startWaiting(): void {
    while (this.running < this.limit) {
      const next = this.waiting.shift() ?? this.waitingBehind.shift();
      if (!next) return;
      this.running++;
      next();
    }
  }
}
