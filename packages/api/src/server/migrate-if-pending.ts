import { type Database, migrate, migrationState } from '@nanshan/db';

/**
 * Applies pending migrations at startup, and only then: with none pending it is a read, so the server can run as
 * a role that owns no tables and may not run DDL (packages/db/sql/app-role.sql), once the owner has migrated.
 */
export async function migrateIfPending(database: Database): Promise<void> {
  if ((await migrationState(database)).upToDate) return;
  await migrate(database);
}
