/** The emulator's paginator: caller page size, default page size, and the maxPageSize cap. */
import { describe, expect, test } from 'vitest';
import { paginate } from '../../../src/emulator/services/paginate.js';

const items = Array.from({ length: 7 }, (_, i) => `item-${i}`);

function all(request: { maxResults?: number }, options: { defaultPageSize: number; maxPageSize?: number }) {
  const pages: string[][] = [];
  let nextToken: string | undefined;
  do {
    const page = paginate(
      items,
      { ...request, nextToken },
      { ...options, listingKey: 'test', key: (s: string) => s },
    );
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

describe('paginate: cursor tokens', () => {
  const options = { listingKey: 'cursor', defaultPageSize: 2, key: (s: string) => s };

  test('a deletion from an earlier page skips no surviving item', () => {
    const list = ['a', 'b', 'c', 'd', 'e'];
    const first = paginate(list, {}, options);
    expect(first.items).toEqual(['a', 'b']);
    const afterDelete = list.filter((s) => s !== 'a');
    const second = paginate(afterDelete, { nextToken: first.nextToken }, options);
    // An offset token would resume at index 2 of the shorter list and never return c.
    expect(second.items).toEqual(['c', 'd']);
  });

  test('deleting the last returned item, or adding one before the cursor, repeats nothing', () => {
    const first = paginate(['a', 'b', 'c', 'd'], {}, options);
    const second = paginate(['0', 'a', 'c', 'd'], { nextToken: first.nextToken }, options);
    expect(second.items).toEqual(['c', 'd']);
    expect(second.nextToken).toBeUndefined();
  });

  test('a sorted, descending listing resumes by its sort key; a token of another listing is refused', () => {
    const rows = [
      { id: '1', name: 'b' },
      { id: '2', name: 'a' },
      { id: '3', name: 'c' },
    ];
    const sorted = {
      listingKey: 'sorted',
      defaultPageSize: 1,
      key: (r: { id: string }) => r.id,
      order: (r: { name: string }) => [r.name],
      descending: true,
    };
    const first = paginate(rows, {}, sorted);
    expect(first.items.map((r) => r.name)).toEqual(['c']);
    const second = paginate(rows.slice(0, 2), { nextToken: first.nextToken }, sorted);
    expect(second.items.map((r) => r.name)).toEqual(['b']);
    expect(() => paginate(rows, { nextToken: first.nextToken }, { ...sorted, listingKey: 'other' })).toThrow(
      'nextToken',
    );
  });
});
