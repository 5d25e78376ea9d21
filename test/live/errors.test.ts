/** Telling "gone" from "failed" on the real SDK exception classes. */
import {
  AccessDeniedException,
  InternalServerException,
  ResourceNotFoundException,
} from '@aws-sdk/client-datazone';
import { ResourceNotFound } from '@aws-sdk/client-sagemaker';
import { describe, expect, test } from 'vitest';
import { errorMessage, isGoneError } from '../../src/live/errors.js';

const meta = { $metadata: {} };

describe('isGoneError', () => {
  test('not-found of each service is gone', () => {
    expect(isGoneError(new ResourceNotFoundException({ message: 'x', ...meta }))).toBe(true);
    expect(isGoneError(new ResourceNotFound({ message: 'x', ...meta }))).toBe(true);
  });

  test('403 "not permitted" is gone; another 403 or a 500 is a failure', () => {
    const notPermitted = new AccessDeniedException({
      message: 'User is not permitted to perform operation: GetDomain',
      ...meta,
    });
    expect(isGoneError(notPermitted)).toBe(true);
    expect(isGoneError(new AccessDeniedException({ message: 'Explicit deny in an SCP', ...meta }))).toBe(
      false,
    );
    expect(isGoneError(new InternalServerException({ message: 'x', ...meta }))).toBe(false);
    expect(isGoneError('weird')).toBe(false);
  });

  test('messages are one line, code first', () => {
    expect(errorMessage(new InternalServerException({ message: 'boom\nstack', ...meta }))).toBe(
      'InternalServerException: boom',
    );
    expect(errorMessage('plain')).toBe('plain');
  });
});
