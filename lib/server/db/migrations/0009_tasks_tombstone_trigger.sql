-- Custom migration (not generated from schema.ts): a deleted task leaves a tombstone, so the live feed
-- can tell other open tabs it went away (`deletedIds` in GET /api/generations/changes). Written by the
-- database on every delete (Delete, Retry's replace, anything later), so no write path can forget it.
-- The time is the clock at the delete, not the transaction's start, like `updated_at` written by the
-- studio. Tombstones older than a day are pruned here; a tab whose cursor is older reloads its lists.
CREATE OR REPLACE FUNCTION luma_tasks_tombstone() RETURNS trigger AS $$
BEGIN
  INSERT INTO task_tombstones (task_id, deleted_at) VALUES (OLD.id, clock_timestamp())
    ON CONFLICT (task_id) DO UPDATE SET deleted_at = EXCLUDED.deleted_at;
  DELETE FROM task_tombstones WHERE deleted_at < clock_timestamp() - interval '1 day';
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS tasks_tombstone ON tasks;
--> statement-breakpoint
CREATE TRIGGER tasks_tombstone AFTER DELETE ON tasks
  FOR EACH ROW EXECUTE FUNCTION luma_tasks_tombstone();
