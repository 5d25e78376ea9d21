/**
 * How the readers tell "this resource is gone" from "this read failed". A resource that was just
 * listed and answers not-found on its Get has been deleted in between: it is skipped, not a
 * failure. DataZone may answer a missing domain or project with 403 AccessDeniedException "User is
 * not permitted to perform operation" instead of 404 (reference §3, §13.2), so that counts as gone too.
 */

// Not-found codes per service: DataZone, SageMaker (no Exception suffix), RAM.
const NOT_FOUND = new Set(['ResourceNotFoundException', 'ResourceNotFound', 'UnknownResourceException']);

/** The SDK error's code (its `name`), or `Error` for anything else. */
export function errorName(error: unknown): string {
  if (error instanceof Error) return error.name;
  return 'Error';
}

/** A one-line description of an error: `Code: message`. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const message = error.message.split('\n')[0] ?? '';
    return message && message !== error.name ? `${error.name}: ${message}` : error.name;
  }
  return String(error);
}

/** True when the error says the resource does not exist (or is not visible in the way missing resources are). */
export function isGoneError(error: unknown): boolean {
  const name = errorName(error);
  if (NOT_FOUND.has(name)) return true;
  return name === 'AccessDeniedException' && error instanceof Error && /not permitted/i.test(error.message);
}
