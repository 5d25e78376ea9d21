/** The emulator's paginator: caller page size, default page size, and the maxPageSize cap. */
import { describe, expect, test } from 'vitest';
import { paginate } from '../../../src/emulator/services/paginate.js';

const items = Array.from({ length: 7 }, (_, i) => `item-${i}`);

function all(request: { maxResults?: number }, options: { defaultPageSize: number; maxPageSize?: number }) {
  const pages: string[][] = [];
  let nextToken: string | undefined;
  do {
    const page = paginate(items, { ...request, nextToken }, { ...options, listingKey: 'test' });
    pages.push(page.items);
    nextToken = page.nextToken;
  } while (nextToken);
  return pages;
}

describe('paginate', () => {
  test('honours the caller maxResults, and the default page size when none is sent', () => {
    expect(all({ maxResults: 50 }, { defaultPageSize: 2 })).toEqual([items]);
    expect(all({}, { defaultPageSize: 3 }).map((p) => p.length)).toEqual([3, 3, 1]);
  });

  test('maxPageSize caps every page, whatever the caller asks for', () => {
    const pages = all({ maxResults: 50 }, { defaultPageSize: 5, maxPageSize: 2 });
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 1]);
    expect(pages.flat()).toEqual(items);
    expect(all({ maxResults: 1 }, { defaultPageSize: 5, maxPageSize: 2 }).length).toBe(7);
    expect(all({}, { defaultPageSize: 5, maxPageSize: 0 })).toHaveLength(2);
  });
});
