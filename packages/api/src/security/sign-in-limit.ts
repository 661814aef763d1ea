import { createHash } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type DbOrTx, schema } from '@nanshan/db';
import { lte, sql } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../clock';

export const SIGN_IN_WINDOW_MS = 60_000;

export interface SignInLimit {
  /** Attempts allowed per client IP and email in one minute (`NANSHAN_SIGNIN_MAX_PER_MINUTE`). */
  maxPerMinute: number;
  /**
   * A header set by the reverse proxy in front of the server that carries the client's address (e.g.
   * `x-real-ip`, `NANSHAN_CLIENT_IP_HEADER`); without one the socket's peer address is used. Never set it when
   * clients reach the server directly: they could then pick their own address.
   */
  clientIpHeader?: string | undefined;
}

export const DEFAULT_SIGN_IN_LIMIT: SignInLimit = { maxPerMinute: 10 };

/**
 * Counts one attempt for `key` in the current fixed window and returns the count so far. One upsert per attempt:
 * concurrent attempts from any number of server processes serialise on the key's row, so none goes uncounted.
 */
export async function countSignInAttempt(db: DbOrTx, key: string, at: Date) {
  const t = schema.signInAttempts;
  // A raw fragment: postgres.js takes no Date parameter there, so the bound is passed as ISO text.
  const windowEdge = new Date(at.getTime() - SIGN_IN_WINDOW_MS).toISOString();
  const expired = sql`${t.windowStartedAt} <= ${windowEdge}::timestamptz`;
  const [row] = await db
    .insert(t)
    .values({ key, windowStartedAt: at, attempts: 1 })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        attempts: sql`case when ${expired} then 1 else ${t.attempts} + 1 end`,
        windowStartedAt: sql`case when ${expired} then excluded.window_started_at else ${t.windowStartedAt} end`,
      },
    })
    .returning({ attempts: t.attempts, windowStartedAt: t.windowStartedAt });
  return row!;
}

/** Deletes counters whose window has passed (the server's periodic sweep). */
export async function pruneSignInAttempts(db: DbOrTx, at: Date): Promise<void> {
  await db
    .delete(schema.signInAttempts)
    .where(lte(schema.signInAttempts.windowStartedAt, new Date(at.getTime() - SIGN_IN_WINDOW_MS)));
}

function clientIp(c: Context, header: string | undefined): string {
  if (header) return c.req.header(header)?.split(',')[0]?.trim() || 'unknown';
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // no socket: an in-process request (tests)
  }
}

/**
 * Refuses a sign-in with 429 once the client IP has tried the same email `maxPerMinute` times this minute.
 * Every attempt counts, right or wrong, so a burst of parallel guesses cannot slip through before one fails.
 * The key is a hash: the table never holds addresses or emails.
 */
export function signInLimiter(db: DbOrTx, now: Clock, limit: SignInLimit): MiddlewareHandler {
  return async (c, next) => {
    const body = (await c.req.raw
      .clone()
      .json()
      .catch(() => null)) as { email?: unknown } | null;
    const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
    const key = createHash('sha256')
      .update(JSON.stringify(['sign-in', clientIp(c, limit.clientIpHeader), email]))
      .digest('hex');
    const at = now();
    const { attempts, windowStartedAt } = await countSignInAttempt(db, key, at);
    if (attempts > limit.maxPerMinute) {
      const retryAfter = Math.max(
        1,
        Math.ceil((windowStartedAt.getTime() + SIGN_IN_WINDOW_MS - at.getTime()) / 1000),
      );
      c.header('Retry-After', String(retryAfter));
      return c.json(
        { code: 'TOO_MANY_REQUESTS', message: 'sign_in_rate_limited', retryAfterSeconds: retryAfter },
        429,
      );
    }
    await next();
  };
}
