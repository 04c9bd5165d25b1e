import "server-only";
import { openStudioDatabase } from "./db";
import { env } from "./env";
import { log, scrub } from "./log";
import { startMirroring } from "./media/mirroring";
import { startWatcher } from "./watcher";

/**
 * Runs once when the server process starts (from instrumentation.ts): a bad configuration stops the
 * process with one clear line, and the database is opened and migrated before the first request.
 */
export async function boot(): Promise<void> {
  let config: ReturnType<typeof env>;
  try {
    config = env();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  try {
    await openStudioDatabase();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(scrub(`Could not open the ${config.database.kind} database: ${reason}`));
    process.exit(1);
  }
  // Switching polling off leaves webhooks and "Check now" as the only ways a task moves (for tests).
  if (config.watcher.enabled) startWatcher();
  else log.warn("watcher disabled by WATCHER_ENABLED=false: tasks move only by webhook or Check now");
  startMirroring();
  log.info("studio ready", {
    provider: config.upstream.kind,
    database: config.database.kind,
    media: config.media.kind,
  });
}
