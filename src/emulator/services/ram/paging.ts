/** RAM's use of the shared paginator: caller page size or the emulator default, RAM's token error. */
import type { CallContext } from '../../types.js';
import { paginate, type Page } from '../paginate.js';

/**
 * Pages `items` for a RAM list call. `listingKey` must identify the listing (operation, caller,
 * filters) so a token from another listing is refused with InvalidNextTokenException. `order`
 * is the listing's natural order before the key (RAM lists in creation order). The shuffle
 * seed is a constant: it must not change between the pages of one listing.
 */
export function ramPage<T>(
  items: readonly T[],
  input: Record<string, unknown>,
  ctx: CallContext,
  listingKey: string,
  key: (item: T) => string,
  order?: (item: T) => readonly (string | number)[],
): Page<T> {
  return paginate(items, input, {
    defaultPageSize: ctx.options.defaultPageSize,
    maxPageSize: ctx.options.maxPageSize,
    listingKey: `ram:${ctx.accountId}:${ctx.region}:${listingKey}`,
    shuffleSeed: ctx.options.shuffleLists ? 7 : undefined,
    key,
    order,
    invalidTokenCode: 'InvalidNextTokenException',
  });
}
