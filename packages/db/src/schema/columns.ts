import { bigint, timestamp } from 'drizzle-orm/pg-core';

/**
 * Money is integer fen in a Postgres `bigint`. We read it as a JS number: every amount this platform
 * handles (at most tens of billions of yuan) is far below 2^53 fen, and numbers cross JSON and tRPC
 * without a transformer. Sums are computed in SQL and checked with `toSafeFen` on the way out.
 */
export const fen = (name: string) => bigint(name, { mode: 'number' });

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
