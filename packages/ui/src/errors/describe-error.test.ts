import { describe, expect, it } from 'vitest';
import { describeError } from './describe-error';

describe('describeError', () => {
  it('reads code, domain reason and zod issues from a tRPC error', () => {
    const error = {
      name: 'TRPCClientError',
      message: 'offering_not_listed',
      data: { code: 'BAD_REQUEST', httpStatus: 400, reason: 'offering_not_listed', zodIssues: null },
    };
    expect(describeError(error)).toEqual({
      kind: 'server',
      code: 'BAD_REQUEST',
      reason: 'offering_not_listed',
      issues: [],
    });
  });

  it('keeps only the parts of zod issues it can translate', () => {
    const error = {
      data: {
        code: 'BAD_REQUEST',
        zodIssues: [
          { code: 'too_small', path: ['quantity'], minimum: 1, origin: 'number', message: 'Too small' },
        ],
      },
    };
    expect(describeError(error)).toEqual({
      kind: 'server',
      code: 'BAD_REQUEST',
      reason: null,
      issues: [{ code: 'too_small', path: ['quantity'], minimum: 1, origin: 'number' }],
    });
  });

  it('recognises better-auth errors, transport failures and everything else', () => {
    expect(describeError({ code: 'INVALID_EMAIL_OR_PASSWORD', status: 401, message: 'x' })).toEqual({
      kind: 'auth',
      code: 'INVALID_EMAIL_OR_PASSWORD',
    });
    expect(describeError({ status: 429, message: 'slow down' })).toEqual({
      kind: 'auth',
      code: 'TOO_MANY_REQUESTS',
    });
    expect(describeError(new TypeError('Failed to fetch'))).toEqual({ kind: 'network' });
    expect(describeError({ name: 'TRPCClientError', message: 'Unexpected end of JSON' })).toEqual({
      kind: 'network',
    });
    expect(describeError('boom')).toEqual({ kind: 'unknown' });
  });
});
