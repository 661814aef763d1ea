-- The append-only triggers of 0001 fire per row, so TRUNCATE passed them: the table owner (which the server connects
-- as in development) could empty the ledger or the audit log in one statement. These statement triggers refuse it
-- unless the transaction says so first (`set local nanshan.allow_truncate = 'on'`), which only the test harness's
-- truncateAll does. In production the server's role has no TRUNCATE right at all (sql/app-role.sql).
CREATE OR REPLACE FUNCTION refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('nanshan.allow_truncate', true), '') <> 'on' THEN
    RAISE EXCEPTION 'append_only: TRUNCATE on % is not allowed', TG_TABLE_NAME USING ERRCODE = 'P0001';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_transfers_no_truncate BEFORE TRUNCATE ON ledger_transfers
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
