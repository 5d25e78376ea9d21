/** SageMaker's use of the shared paginator: its bad-token error is the unmodelled ValidationException (400). */
import { EmulatorServiceError, type CallContext } from '../../types.js';
import { paginate, type Page } from '../paginate.js';

/**
 * Pages `items` for a SageMaker list call (PascalCase NextToken/MaxResults). When the caller sends
 * no MaxResults the emulator's default page size applies (not SageMaker's documented 10), so the
 * caller's pagination is exercised.
 */
export function sageMakerPage<T>(
  items: readonly T[],
  input: Record<string, unknown>,
  ctx: CallContext,
  listingKey: string,
  key: (item: T) => string,
  order?: (item: T) => readonly (string | number)[],
): Page<T> {
  try {
    return paginate(
      items,
      { nextToken: input.NextToken, maxResults: input.MaxResults },
      {
        defaultPageSize: ctx.options.defaultPageSize,
        maxPageSize: ctx.options.maxPageSize,
        listingKey: `sagemaker:${ctx.accountId}:${ctx.region}:${listingKey}`,
        shuffleSeed: ctx.options.shuffleLists ? 7 : undefined,
        key,
        order,
      },
    );
  } catch (error) {
    if (error instanceof EmulatorServiceError) throw new EmulatorServiceError(error.code, error.message, 400);
    throw error;
  }
}
