import { readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { z } from "zod";
import { snapshotOf } from "@/lib/luma/test-helpers";
import { assertLoopbackDatabaseUrl } from "@/tests/support/local-postgres";
import { resetEnvForTests } from "../env";
import { applyUpstreamUpdate } from "../tasks/apply";
import { listChanges } from "../tasks/changes";
import { listTasks } from "../tasks/queries";
import { getDb } from ".";
import { MIGRATIONS_DIR, type OpenDatabase, openDatabase } from "./open";
import { tasks } from "./schema";

/** The studio's own queries, run through its services against a real PostgreSQL server. */

describe("migrations on a real Postgres", () => {
  it("bring a fresh database up to date once, even when two instances start together", async () => {
    const url = inject("postgresUrls").migrations;
    assertLoopbackDatabaseUrl(url);
    const opened = await Promise.all([
      openDatabase({ kind: "postgres", url }),
      openDatabase({ kind: "postgres", url }),
    ]);
    const journal = JSON.parse(await readFile(path.join(MIGRATIONS_DIR, "meta/_journal.json"), "utf8")) as {
      entries: unknown[];
    };
    const applied = z
      .array(z.object({ n: z.number() }))
      .parse(await opened[0].db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
    expect(applied).toEqual([{ n: journal.entries.length }]);
    await Promise.all(opened.map((open) => open.close()));
  });
});

describe("studio services on a real Postgres", () => {
  const url = inject("postgresUrls").services;
  let second: OpenDatabase;

  beforeAll(async () => {
    assertLoopbackDatabaseUrl(url);
    vi.stubEnv("DATABASE_URL", url);
    resetEnvForTests();
    second = await openDatabase({ kind: "postgres", url });
  });
  afterAll(async () => {
    await second?.close();
    vi.unstubAllEnvs();
  });

  it("pages newest first through rows created in the same instant, none skipped or repeated", async () => {
    const db = await getDb();
    // One statement: every row gets the same now(), with microseconds, the worst case for a cursor.
    await db.insert(tasks).values(
      Array.from({ length: 23 }, (_, i) => ({
        id: `page_${String(i).padStart(2, "0")}`,
        provider: "relay",
        kind: "generate" as const,
        prompt: i % 2 ? `a 100%_fox number ${i}` : `an owl number ${i}`,
        state: "completed" as const,
      })),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listTasks({ limit: 5, cursor });
      seen.push(...page.tasks.map((task) => task.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);

    const foxes = await listTasks({ limit: 50, search: "100%_FOX" });
    expect(foxes.tasks).toHaveLength(11);
    const changes = await listChanges(new Date(Date.now() - 60_000).toISOString());
    expect(changes.tasks.length).toBeGreaterThanOrEqual(23);
  });

  it("finishes a task once when two instances apply the same answer at the same moment", async () => {
    const db = await getDb();
    await db.insert(tasks).values(
      Array.from({ length: 10 }, (_, i) => ({
        id: `hook_${i}`,
        provider: "relay",
        kind: "generate" as const,
        prompt: "a webhook race",
        state: "running" as const,
        upstreamId: `up_hook_${i}`,
      })),
    );
    const done = (i: number) =>
      snapshotOf({
        upstreamId: `up_hook_${i}`,
        state: "completed",
        rawState: "completed",
        videoUrl: `http://127.0.0.1:9/v${i}.mp4`,
        width: 1280,
        height: 720,
        durationSeconds: 5,
      });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => [
        applyUpstreamUpdate(`hook_${i}`, done(i), "webhook", db),
        applyUpstreamUpdate(`hook_${i}`, done(i), "webhook", second.db),
        applyUpstreamUpdate(`hook_${i}`, done(i), "poll", second.db),
      ]).flat(),
    );
    for (let i = 0; i < 10; i++) {
      const finishes = results.slice(i * 3, i * 3 + 3).filter((result) => result?.finished);
      expect(finishes).toHaveLength(1);
    }
  });
});
