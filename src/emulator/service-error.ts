/** Recognising EmulatorServiceError across module copies (the brand survives two loaded copies). */
import type { EmulatorServiceError } from './types.js';

/** Whether `error` is an EmulatorServiceError (by its brand, not instanceof). */
export function isEmulatorServiceError(error: unknown): error is EmulatorServiceError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { isEmulatorServiceError?: unknown }).isEmulatorServiceError === true &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}
