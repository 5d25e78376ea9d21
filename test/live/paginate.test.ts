/** collectPages: follows tokens to the end, in order; refuses a token loop. */
import { describe, expect, test } from 'vitest';
import { collectPages } from '../../src/live/paginate.js';

describe('collectPages', () => {
  test('follows nextToken through every page, keeping order', async () => {
    const pages: Record<string, { items: number[]; nextToken?: string }> = {
      start: { items: [1, 2], nextToken: 'b' },
      b: { items: [], nextToken: 'c' },
      c: { items: [3] },
    };
    const tokens: (string | undefined)[] = [];
    const items = await collectPages(async (token) => {
      tokens.push(token);
      const page = pages[token ?? 'start'];
      return { items: page?.items, nextToken: page?.nextToken };
    });
    expect(items).toEqual([1, 2, 3]);
    expect(tokens).toEqual([undefined, 'b', 'c']);
  });

  test('an empty-string token ends the list; missing items count as none', async () => {
    expect(await collectPages(async () => ({ items: undefined, nextToken: '' }))).toEqual([]);
  });

  test('a repeated token is a loop, not an endless read', async () => {
    await expect(collectPages(async () => ({ items: [1], nextToken: 'same' }))).rejects.toThrow(/repeated/);
  });

  test('a failing page fails the whole list', async () => {
    await expect(
      collectPages(async (token) => {
        if (token) throw new Error('boom');
        return { items: [1], nextToken: 'next' };
      }),
    ).rejects.toThrow('boom');
  });
});
