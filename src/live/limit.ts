/**
 * Bounded concurrency: a small pool that runs at most N tasks at once, in the order they were
 * submitted. The readers wrap every single SDK call in it (never a task that itself waits on the
 * pool), so nesting cannot deadlock and the whole read stays under the bound.
 */

/** Runs a task when a slot is free; resolves or rejects with the task. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/** A limiter allowing `concurrency` tasks at once (at least one). */
export function createLimiter(concurrency: number): Limiter {
  const limit = Math.max(1, Math.floor(concurrency));
  let running = 0;
  const waiting: (() => void)[] = [];

  const release = () => {
    running -= 1;
    const next = waiting.shift();
    if (next) {
      running += 1;
      next();
    }
  };

  return <T>(task: () => Promise<T>): Promise<T> => {
    const start = (): Promise<T> => task().finally(release);
    if (running < limit) {
      running += 1;
      return start();
    }
    return new Promise<T>((resolve, reject) => {
      waiting.push(() => {
        start().then(resolve, reject);
      });
    });
  };
}
