-- The transparency log accepts INSERT only. Tampering needs a superuser or the table owner to
-- disable these triggers first; verify-log and the signed checkpoints catch what they then do.
CREATE OR REPLACE FUNCTION log_entry_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'log_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER log_entry_no_update_delete BEFORE UPDATE OR DELETE ON "log_entry"
  FOR EACH ROW EXECUTE FUNCTION log_entry_refuse_change();
--> statement-breakpoint
CREATE TRIGGER log_entry_no_truncate BEFORE TRUNCATE ON "log_entry"
  FOR EACH STATEMENT EXECUTE FUNCTION log_entry_refuse_change();
