import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { assertLoopbackDatabaseUrl } from "@/tests/support/local-postgres";
import { type OpenDatabase, openDatabase } from "../db/open";
import { jobs } from "../db/schema";
import { claimDue, completeJob, enqueueJob } from "./runner";

/** Two instances' runners on one real Postgres, claiming in parallel: each job runs exactly once. */

const JOBS = 40;

describe("job claims across two instances (real Postgres)", () => {
  // The mirror's database: its claim test clears tasks, not jobs, and these use their own kind.
  const url = inject("postgresUrls").mirror;
  let a: OpenDatabase;
  let b: OpenDatabase;

  beforeAll(async () => {
    assertLoopbackDatabaseUrl(url);
    [a, b] = await Promise.all([
      openDatabase({ kind: "postgres", url }),
      openDatabase({ kind: "postgres", url }),
    ]);
  });
  afterAll(async () => {
    await a?.db.delete(jobs);
    await Promise.all([a?.close(), b?.close()]);
  });

  it("hands every due job to one runner, never two", async () => {
    const now = new Date();
    await Promise.all(
      Array.from({ length: JOBS }, (_, i) =>
        enqueueJob(i % 2 ? a.db : b.db, { kind: "pg-test", subject: `s${i}` }, now),
      ),
    );
    const ran: string[] = [];
    const runner = async (db: OpenDatabase["db"], owner: string) => {
      for (;;) {
        const claimed = await claimDue(db, "pg-test", { owner, leaseMs: 60_000 }, 3, now);
        if (claimed.length === 0) return;
        for (const job of claimed) {
          ran.push(job.subject);
          await new Promise((resolve) => setTimeout(resolve, 5));
          await completeJob(db, job);
        }
      }
    };
    await Promise.all([runner(a.db, "a1"), runner(a.db, "a2"), runner(b.db, "b1"), runner(b.db, "b2")]);
    expect(ran).toHaveLength(JOBS);
    expect(new Set(ran).size).toBe(JOBS);
  });
});
