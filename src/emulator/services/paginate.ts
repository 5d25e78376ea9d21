/**
 * Pagination shared by every list operation of the emulator: an opaque `nextToken` (base64url of
 * the offset and a checksum of the listing's identity, so a token from another listing is
 * rejected), a small default page size (to exercise the caller's pagination), and an optional
 * stable shuffle (to prove the caller does not depend on list order).
 */
import { createHash } from 'node:crypto';
import { EmulatorServiceError } from '../types.js';

/** What a list operation receives from the caller. */
export interface PageRequest {
  nextToken?: unknown;
  maxResults?: unknown;
}

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
  /** When set, items are ordered by a hash of (seed, key(item)) instead of their natural order. */
  shuffleSeed?: number;
  /** Key of an item, for the shuffle; required when shuffleSeed is set. */
  key?: (item: T) => string;
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

function order<T>(items: readonly T[], options: PageOptions<T>): T[] {
  if (options.shuffleSeed === undefined || !options.key) return [...items];
  const key = options.key;
  const rank = (item: T) =>
    createHash('sha256')
      .update(`${options.shuffleSeed}:${key(item)}`)
      .digest('hex');
  return [...items].sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
}

/** Returns the page of `items` that the request asks for. */
export function paginate<T>(items: readonly T[], request: PageRequest, options: PageOptions<T>): Page<T> {
  const asked =
    typeof request.maxResults === 'number' && request.maxResults > 0
      ? request.maxResults
      : options.defaultPageSize;
  const cap = options.maxPageSize;
  const size = cap !== undefined && cap > 0 ? Math.min(asked, cap) : asked;
  let offset = 0;
  if (typeof request.nextToken === 'string' && request.nextToken !== '') {
    offset = decodeToken(request.nextToken, options);
  }
  const ordered = order(items, options);
  const page = ordered.slice(offset, offset + size);
  const next = offset + size;
  return next < ordered.length
    ? { items: page, nextToken: encodeToken(next, options.listingKey) }
    : { items: page };
}

function encodeToken(offset: number, listingKey: string): string {
  return Buffer.from(JSON.stringify({ o: offset, c: checksum(listingKey) })).toString('base64url');
}

function decodeToken<T>(token: string, options: PageOptions<T>): number {
  const bad = () =>
    new EmulatorServiceError(options.invalidTokenCode ?? 'ValidationException', 'The nextToken is invalid.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    typeof (parsed as { o?: unknown }).o !== 'number' ||
    (parsed as { c?: unknown }).c !== checksum(options.listingKey)
  ) {
    throw bad();
  }
  return (parsed as { o: number }).o;
}
