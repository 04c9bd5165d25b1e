-- Custom migration (not generated from schema.ts): the live feed's NOTIFY says how urgent a change is.
-- Replaces 0004's function (the trigger stays). Payload: `u:<id>` when a viewer should see it now (the
-- row entered or left a finished state, a finished row was inserted, a row was deleted), `n:<id>` for
-- everything else the API shows (progress, queued → running, estimates, a stored copy). The studio
-- answers a waiting request at once on `u:` and coalesces `n:` for a few seconds (db/change-hub.ts).
-- An insert of a new, unfinished row is `n:`: the tab that created it refreshes itself.
CREATE OR REPLACE FUNCTION luma_tasks_notify() RETURNS trigger AS $$
DECLARE
  urgent boolean;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    urgent := true;
  ELSIF TG_OP = 'INSERT' THEN
    urgent := NEW.state IN ('completed', 'failed');
  ELSE
    urgent := NEW.state IS DISTINCT FROM OLD.state
      AND (NEW.state IN ('completed', 'failed') OR OLD.state IN ('completed', 'failed'));
  END IF;
  PERFORM pg_notify('luma_tasks', (CASE WHEN urgent THEN 'u:' ELSE 'n:' END) || COALESCE(NEW.id, OLD.id));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
