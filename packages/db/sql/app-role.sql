-- The application's own database role for production: it reads and writes the data but owns no table, so it
-- cannot disable triggers, alter tables or truncate. The ledger and the audit log are append-only for it twice
-- over: their triggers refuse UPDATE and DELETE, and the role has no UPDATE, DELETE or TRUNCATE right on them.
--
-- Run as the tables' owner after every `pnpm db:migrate` (new tables need their grants), e.g.
--   psql "$OWNER_DATABASE_URL" -c "create role nanshan_app login password '…'"   (once)
--   psql "$OWNER_DATABASE_URL" -f packages/db/sql/app-role.sql
-- then run the server with DATABASE_URL=postgres://nanshan_app:…@host/db. docs/security.md explains why.
grant usage on schema public, drizzle to nanshan_app;
grant select on drizzle.__drizzle_migrations to nanshan_app;
grant select, insert, update, delete on all tables in schema public to nanshan_app;
grant usage, select on all sequences in schema public to nanshan_app;
revoke update, delete, truncate on audit_log, ledger_transfers from nanshan_app;
