/**
 * Pagination shared by every list operation of the emulator. Every listing has a total order —
 * the caller's requested sort (or the listing's natural order, e.g. RAM's creation time), then
 * the item's unique key — and a `nextToken` is a cursor: base64url of the sort position of the
 * last item returned plus a checksum of the listing's identity (a token from another listing is
 * refused). The next page starts after that position, so deleting or adding items between pages
 * never skips or repeats a surviving item (an offset token would). Also: a small default page
 * size (to exercise the caller's pagination), and an optional stable shuffle (to prove the
 * caller does not depend on list order).
 */
import { createHash } from 'node:crypto';
import { EmulatorServiceError } from '../types.js';

/** What a list operation receives from the caller. */
export interface PageRequest {
  nextToken?: unknown;
  maxResults?: unknown;
}

/** One component of a sort position. */
type SortPart = string | number;

/** How to page one listing. */
export interface PageOptions<T> {
  /** Page size when the caller sends none. */
  defaultPageSize: number;
  /**
   * Most items a page holds whatever the caller asks for (AWS documents that a service may
   * return fewer items than maxResults); unset: the caller's maxResults is honoured.
   */
  maxPageSize?: number;
  /** Identifies the listing (operation + filters); a token is only valid for the same listing. */
  listingKey: string;
  /** Unique key of an item: the last component of every sort position. */
  key: (item: T) => string;
  /**
   * Sort position before the key (e.g. `[name]` for sortBy NAME, `[createdAt]`); unset: the key
   * alone orders the listing. When set, the shuffle does not apply (the caller asked for an order).
   */
  order?: (item: T) => readonly SortPart[];
  /** Reverses the order (sortOrder DESCENDING). */
  descending?: boolean;
  /** When set (and `order` is not), items are ordered by a hash of (seed, key(item)). */
  shuffleSeed?: number;
  /** Error code for a bad token (DataZone and SageMaker: ValidationException; RAM: InvalidNextTokenException). */
  invalidTokenCode?: string;
}

/** One page and the token for the next, if any. */
export interface Page<T> {
  items: T[];
  nextToken?: string;
}

function checksum(listingKey: string): string {
  return createHash('sha256').update(listingKey).digest('hex').slice(0, 12);
}

function positionOf<T>(item: T, options: PageOptions<T>): SortPart[] {
  const key = options.key(item);
  if (options.order) return [...options.order(item), key];
  if (options.shuffleSeed !== undefined) {
    return [createHash('sha256').update(`${options.shuffleSeed}:${key}`).digest('hex'), key];
  }
  return [key];
}

function comparePart(a: SortPart | undefined, b: SortPart | undefined): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''));
}

function compare(a: readonly SortPart[], b: readonly SortPart[], descending: boolean): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const c = comparePart(a[i], b[i]);
    if (c !== 0) return descending ? -c : c;
  }
  return 0;
}

/** Returns the page of `items` that the request asks for. */
export function paginate<T>(items: readonly T[], request: PageRequest, options: PageOptions<T>): Page<T> {
  const asked =
    typeof request.maxResults === 'number' && request.maxResults > 0
      ? request.maxResults
      : options.defaultPageSize;
  const cap = options.maxPageSize;
  const size = cap !== undefined && cap > 0 ? Math.min(asked, cap) : asked;
  const descending = options.descending === true;
  const ordered = items
    .map((item) => ({ item, position: positionOf(item, options) }))
    .sort((a, b) => compare(a.position, b.position, descending));
  let start = 0;
  if (typeof request.nextToken === 'string' && request.nextToken !== '') {
    const after = decodeToken(request.nextToken, options);
    start = ordered.findIndex((entry) => compare(entry.position, after, descending) > 0);
    if (start < 0) start = ordered.length;
  }
  const page = ordered.slice(start, start + size);
  const last = page[page.length - 1];
  return last && start + size < ordered.length
    ? { items: page.map((e) => e.item), nextToken: encodeToken(last.position, options.listingKey) }
    : { items: page.map((e) => e.item) };
}

function encodeToken(position: readonly SortPart[], listingKey: string): string {
  return Buffer.from(JSON.stringify({ a: position, c: checksum(listingKey) })).toString('base64url');
}

function decodeToken<T>(token: string, options: PageOptions<T>): SortPart[] {
  const bad = () =>
    new EmulatorServiceError(options.invalidTokenCode ?? 'ValidationException', 'The nextToken is invalid.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const after = (parsed as { a?: unknown } | null)?.a;
  if (
    !Array.isArray(after) ||
    !after.every((p) => typeof p === 'string' || typeof p === 'number') ||
    (parsed as { c?: unknown }).c !== checksum(options.listingKey)
  ) {
    throw bad();
  }
  return after as SortPart[];
}
