/**
 * What the UI needs to know about a failure, read structurally so this package depends on neither tRPC nor the
 * auth client: a TRPCClientError carries `data.code`, `data.reason` and `data.zodIssues`; a better-auth error
 * `{ code, status }`; a failed fetch only a message.
 */
export interface ValidationIssue {
  code: string;
  path: Array<string | number>;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
}

export type ErrorDescription =
  | { kind: 'server'; code: string; reason: string | null; issues: ValidationIssue[] }
  | { kind: 'auth'; code: string }
  | { kind: 'network' }
  | { kind: 'unknown' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function asIssues(value: unknown): ValidationIssue[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((issue) => ({
    code: typeof issue.code === 'string' ? issue.code : 'custom',
    path: Array.isArray(issue.path)
      ? issue.path.filter((p) => typeof p === 'string' || typeof p === 'number')
      : [],
    ...(typeof issue.minimum === 'number' || typeof issue.minimum === 'bigint'
      ? { minimum: issue.minimum }
      : {}),
    ...(typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint'
      ? { maximum: issue.maximum }
      : {}),
    ...(typeof issue.origin === 'string' ? { origin: issue.origin } : {}),
  }));
}

export function describeError(error: unknown): ErrorDescription {
  if (!isRecord(error)) return { kind: 'unknown' };
  const data = error.data;
  if (isRecord(data) && typeof data.code === 'string') {
    return {
      kind: 'server',
      code: data.code,
      reason: typeof data.reason === 'string' ? data.reason : null,
      issues: asIssues(data.zodIssues),
    };
  }
  // better-auth client errors: { code?: 'INVALID_EMAIL_OR_PASSWORD', status: 401, message }
  if (typeof error.status === 'number' && (typeof error.code === 'string' || error.status === 429)) {
    return { kind: 'auth', code: typeof error.code === 'string' ? error.code : 'TOO_MANY_REQUESTS' };
  }
  // tRPC reports transport failures as a TRPCClientError without data; fetch throws a TypeError.
  if (error.name === 'TypeError' || (error.name === 'TRPCClientError' && !data)) return { kind: 'network' };
  return { kind: 'unknown' };
}
