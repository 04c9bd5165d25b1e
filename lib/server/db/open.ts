import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

/**
 * Opens a database and brings its schema up to date. Pure of Next.js and `server-only`, so scripts and
 * tests can open the same database the studio uses. Drivers are imported on demand: PGlite's WebAssembly
 * only loads for the embedded database, and `postgres` only for a real server.
 */

export type DatabaseConfig = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export interface OpenDatabase {
  db: Database;
  kind: DatabaseConfig["kind"];
  /**
   * LISTENs on a channel: `onPayload` for each NOTIFY, `onListening` each time the listen is (again) in
   * place. PostgreSQL uses one dedicated connection that postgres.js reconnects (and re-LISTENs) on its
   * own; PGlite delivers on its single connection. Resolves with a function that stops listening.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onListening: () => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.join(process.cwd(), "lib/server/db/migrations");

// Any fixed number: only our own instances take this advisory lock, to run migrations one at a time.
const MIGRATION_LOCK_ID = 7_345_001;

export async function openDatabase(
  config: DatabaseConfig,
  migrationsDir = MIGRATIONS_DIR,
): Promise<OpenDatabase> {
  if (config.kind === "pglite") {
    const [{ createPglite }, { drizzle }, { migrate }] = await Promise.all([
      import("./pglite"),
      import("drizzle-orm/pglite"),
      import("drizzle-orm/pglite/migrator"),
    ]);
    const { client } = await createPglite(config.dataDir);
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: migrationsDir });
    // PGlite has no autovacuum, so planner statistics are only as fresh as the last ANALYZE; without
    // them the gallery's queries fall back to scanning the whole table. Cheap at start-up.
    await client.exec("analyze");
    return {
      db: db as unknown as Database,
      kind: "pglite",
      async listen(channel, onPayload, onListening) {
        const stop = await client.listen(channel, onPayload);
        onListening();
        return () => stop();
      },
      close: () => client.close(),
    };
  }

  const [{ default: postgres }, { drizzle }, { migrate }] = await Promise.all([
    import("postgres"),
    import("drizzle-orm/postgres-js"),
    import("drizzle-orm/postgres-js/migrator"),
  ]);
  const client = postgres(config.url, { max: 10, onnotice: () => {} });
  const db = drizzle(client, { schema });
  // Several instances may start at once; the lock makes the second wait instead of racing the first.
  const lockConn = await client.reserve();
  try {
    await lockConn`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migrate(db, { migrationsFolder: migrationsDir });
  } finally {
    await lockConn`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
    lockConn.release();
  }
  return {
    db: db as unknown as Database,
    kind: "postgres",
    async listen(channel, onPayload, onListening) {
      const { unlisten } = await client.listen(channel, onPayload, onListening);
      return unlisten;
    },
    close: () => client.end({ timeout: 5 }),
  };
}
