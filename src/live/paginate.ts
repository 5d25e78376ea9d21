/**
 * A generic paginator over `nextToken`: every list the readers make goes through it, so a list is
 * read to its end or fails as a whole (a half-read list would look like deleted resources).
 */

/** One page as the SDK answers it, with the list key already picked. */
export interface Page<T> {
  items: T[] | undefined;
  nextToken: string | undefined;
}

// A service that keeps answering a token would otherwise loop forever.
const MAX_PAGES = 10_000;

/**
 * Calls `fetchPage` with the token of the previous page until no token comes back and returns
 * every item in order. Throws when a service repeats a token (a loop) or the page bound is hit.
 */
export async function collectPages<T>(
  fetchPage: (nextToken: string | undefined) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await fetchPage(token);
    items.push(...(answer.items ?? []));
    // An empty string is no token: some services answer "" on the last page.
    if (!answer.nextToken) return items;
    if (seen.has(answer.nextToken)) throw new Error('the service repeated a pagination token');
    seen.add(answer.nextToken);
    token = answer.nextToken;
  }
  throw new Error(`more than ${MAX_PAGES} pages`);
}
