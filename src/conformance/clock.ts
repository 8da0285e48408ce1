/**
 * The runner's sense of time: when an answer or a callback arrived, and when a wait is over. The real
 * clock is performance.now(); a test's clock can jump ahead, so that "10 s later" is tested without
 * waiting 10 s (every deadline is looked at again when the clock jumps).
 */
export interface Clock {
  /** Milliseconds on a monotonic scale. */
  now(): number;
  /** Calls `listener` whenever the clock jumps ahead (only a test's clock does); returns how to stop. */
  onJump(listener: () => void): () => void;
}

/** performance.now(), which never jumps. */
export const realClock: Clock = {
  now: () => performance.now(),
  onJump: () => () => undefined,
};

/**
 * Resolves true as soon as `done()` holds, or false once the clock reaches `deadline`. `done` is asked
 * again whenever `wake` is called (an event: a callback arrived, a request was answered) and when the
 * clock jumps; a real timer ends the wait at the deadline, and `stop` (a run's time limit) ends it early.
 */
export function waitUntil(
  clock: Clock,
  deadline: number,
  done: () => boolean,
  wake: (check: () => void) => () => void,
  stop?: AbortSignal,
): Promise<boolean> {
  if (done()) return Promise.resolve(true);
  if (clock.now() >= deadline || stop?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const finish = (result: boolean): void => {
      clearTimeout(timer);
      stopWaking();
      stopJumps();
      stop?.removeEventListener('abort', giveUp);
      resolve(result);
    };
    const check = (): void => {
      if (done()) finish(true);
      else if (clock.now() >= deadline) finish(false);
    };
    const giveUp = (): void => finish(done());
    const timer = setTimeout(giveUp, Math.max(0, deadline - clock.now()));
    const stopWaking = wake(check);
    const stopJumps = clock.onJump(check);
    stop?.addEventListener('abort', giveUp, { once: true });
  });
}
