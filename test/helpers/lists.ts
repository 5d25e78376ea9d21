/**
 * Small helpers for listing tests: every page of a paginated call, and work done while
 * `Date.now` stands still (records made "within one millisecond", to test listing order ties).
 */
import { vi } from 'vitest';

/** Every item of a paginated listing, page after page until no token is returned. */
export async function allPages<T>(
  page: (
    nextToken: string | undefined,
  ) => Promise<{ items: T[] | undefined; nextToken?: string | undefined }>,
): Promise<T[]> {
  const items: T[] = [];
  let nextToken: string | undefined;
  do {
    const out = await page(nextToken);
    items.push(...(out.items ?? []));
    nextToken = out.nextToken;
  } while (nextToken);
  return items;
}

/** Runs `work` with `Date.now` held at one instant, and restores the clock however it ends. */
export async function withFrozenClock<T>(work: () => Promise<T>): Promise<T> {
  const clock = vi.spyOn(Date, 'now').mockReturnValue(Date.now());
  try {
    return await work();
  } finally {
    clock.mockRestore();
  }
}
