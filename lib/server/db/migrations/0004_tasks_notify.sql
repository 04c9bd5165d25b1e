-- Custom migration (not generated from schema.ts): the live gallery's wake-up call.
-- Every insert, delete and every update that moves `updated_at` (what the API presents) sends the task's
-- id on the `luma_tasks` channel, from the database itself, so no write path can forget it and every
-- instance listening on the same database hears it. Lease-only writes (the watcher's bookkeeping) keep
-- `updated_at` and stay quiet. NOTIFY is delivered at commit and folds duplicates within a transaction.
CREATE OR REPLACE FUNCTION luma_tasks_notify() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
    RETURN NULL;
  END IF;
  PERFORM pg_notify('luma_tasks', COALESCE(NEW.id, OLD.id));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS tasks_notify ON tasks;
--> statement-breakpoint
CREATE TRIGGER tasks_notify AFTER INSERT OR UPDATE OR DELETE ON tasks
  FOR EACH ROW EXECUTE FUNCTION luma_tasks_notify();
