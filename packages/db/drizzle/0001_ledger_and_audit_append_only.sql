-- Invariant 4 and 7: the ledger and the audit log are append-only. Corrections are new rows
-- (a reversing transfer, a new audit entry), never edits, so history can always be replayed.
CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'append_only: % on % is not allowed', TG_OP, TG_TABLE_NAME USING ERRCODE = 'P0001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_transfers_append_only BEFORE UPDATE OR DELETE ON ledger_transfers
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
-- A post or void must match the pending transfer it completes: same accounts, not more than it.
CREATE OR REPLACE FUNCTION check_pending_resolution() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE p ledger_transfers%ROWTYPE;
BEGIN
  IF NEW.kind NOT IN ('post_pending', 'void_pending') THEN
    RETURN NEW;
  END IF;
  SELECT * INTO p FROM ledger_transfers WHERE id = NEW.pending_id;
  IF NOT FOUND OR p.kind <> 'pending' THEN
    RAISE EXCEPTION 'pending_missing: transfer % is not a pending transfer', NEW.pending_id USING ERRCODE = 'P0001';
  END IF;
  IF p.debit_account <> NEW.debit_account OR p.credit_account <> NEW.credit_account OR NEW.amount_fen > p.amount_fen THEN
    RAISE EXCEPTION 'pending_mismatch: transfer % does not match pending %', NEW.id, p.id USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_transfers_pending_resolution BEFORE INSERT ON ledger_transfers
  FOR EACH ROW EXECUTE FUNCTION check_pending_resolution();
