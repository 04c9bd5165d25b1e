import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { assertLoopbackDatabaseUrl } from "@/tests/support/local-postgres";
import { type OpenDatabase, openDatabase } from "./open";
import { tasks } from "./schema";

/**
 * The live feed across instances (real Postgres): a write through one instance's pool wakes a LISTEN
 * held by another, because the trigger (migrations 0004_tasks_notify.sql and 0006_tasks_notify_urgency.sql) sends it from the database.
 */
describe("tasks NOTIFY across two instances (real Postgres)", () => {
  const url = inject("postgresUrls").notify;
  let a: OpenDatabase;
  let b: OpenDatabase;
  const heard: string[] = [];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    assertLoopbackDatabaseUrl(url);
    a = await openDatabase({ kind: "postgres", url });
    b = await openDatabase({ kind: "postgres", url });
    // Resolves once the LISTEN is in place on its own connection.
    await new Promise<void>((listening) => {
      void a
        .listen("luma_tasks", (id) => heard.push(id), listening)
        .then((unlisten) => {
          stop = unlisten;
        });
    });
  });
  afterAll(async () => {
    await stop?.();
    await a?.close();
    await b?.close();
  });

  it("insert, a visible update and delete are heard; a lease-only update is not", async () => {
    await b.db
      .insert(tasks)
      .values({ id: "t_pg_1", provider: "simulator", kind: "generate", prompt: "x", state: "queued" });
    // A new unfinished row and progress are not urgent ("n:"); finishing and deleting are ("u:").
    await expect.poll(() => heard).toEqual(["n:t_pg_1"]);
    await b.db
      .update(tasks)
      .set({ leaseOwner: "b", leaseExpiresAt: new Date() })
      .where(eq(tasks.id, "t_pg_1"));
    await b.db.update(tasks).set({ state: "running", updatedAt: new Date() }).where(eq(tasks.id, "t_pg_1"));
    await expect.poll(() => heard).toEqual(["n:t_pg_1", "n:t_pg_1"]);
    await b.db.update(tasks).set({ state: "completed", updatedAt: new Date() }).where(eq(tasks.id, "t_pg_1"));
    await expect.poll(() => heard).toEqual(["n:t_pg_1", "n:t_pg_1", "u:t_pg_1"]);
    await b.db.delete(tasks).where(eq(tasks.id, "t_pg_1"));
    await expect.poll(() => heard).toEqual(["n:t_pg_1", "n:t_pg_1", "u:t_pg_1", "u:t_pg_1"]);
  });
});
