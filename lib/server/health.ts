import "server-only";
import { sql } from "drizzle-orm";
import packageJson from "@/package.json";
import { openStudioDatabase } from "./db";
import { env } from "./env";

export interface Health {
  status: "ok" | "degraded";
  version: string;
  provider: "simulator" | "relay" | "official";
  database: { kind: "pglite" | "postgres"; ok: boolean };
  time: string;
}

/** What `GET /api/health` reports: the provider in use, whether the database answers, and the version. */
export async function checkHealth(): Promise<Health> {
  const config = env();
  let ok = false;
  try {
    const { db } = await openStudioDatabase();
    await db.execute(sql`select 1`);
    ok = true;
  } catch {
    ok = false;
  }
  return {
    status: ok ? "ok" : "degraded",
    version: packageJson.version,
    provider: config.upstream.kind,
    database: { kind: config.database.kind, ok },
    time: new Date().toISOString(),
  };
}
