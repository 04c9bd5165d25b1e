import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "../db/open";
import { jobs } from "../db/schema";
import { claimDue, claimJob, completeJob, enqueueJob, failJob, retryDelayMs } from "./runner";

describe("job runner", () => {
  let dir: string;
  let open: OpenDatabase;
  const a = { owner: "runner-a", leaseMs: 60_000 };
  const b = { owner: "runner-b", leaseMs: 60_000 };
  const key = (subject: string) => ({ kind: "test", subject });

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "luma-jobs-"));
    open = await openDatabase({ kind: "pglite", dataDir: dir });
  });
  afterAll(async () => {
    await open.close();
    await fs.rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => open.db.delete(jobs));

  it("enqueues once per kind and subject, and hands each due job to one runner at a time", async () => {
    const now = new Date();
    for (const subject of ["s1", "s2", "s3", "s1"]) await enqueueJob(open.db, key(subject), now);
    await enqueueJob(open.db, { kind: "other", subject: "s1" }, now);
    await enqueueJob(open.db, key("later"), new Date(now.getTime() + 60_000));
    const [first, second] = await Promise.all([
      claimDue(open.db, "test", a, 2, now),
      claimDue(open.db, "test", b, 5, now),
    ]);
    const subjects = [...first, ...second].map((job) => job.subject).sort();
    expect(subjects).toEqual(["s1", "s2", "s3"]);
    expect(await claimDue(open.db, "test", a, 5, now)).toEqual([]);
    // A lease that ran out is free again: the runner holding it crashed.
    const expired = await claimDue(open.db, "test", b, 5, new Date(now.getTime() + 61_000));
    expect(expired.map((job) => job.subject).sort()).toEqual(["later", "s1", "s2", "s3"]);
  });

  it("claims one job on demand only while no one holds it", async () => {
    await enqueueJob(open.db, key("s1"));
    expect(await claimJob(open.db, key("s1"), a)).toMatchObject({ leaseOwner: "runner-a" });
    expect(await claimJob(open.db, key("s1"), b)).toBeNull();
    expect(await claimJob(open.db, key("missing"), b)).toBeNull();
  });

  it("retries with the reason kept, gives up with run_at null, and deletes a completed job", async () => {
    const now = new Date();
    await enqueueJob(open.db, key("s1"), now);
    const [job] = await claimDue(open.db, "test", a, 1, now);
    const retry = new Date(now.getTime() + 5_000);
    expect(await failJob(open.db, job!, "HTTP 503", retry)).toMatchObject({
      attempts: 1,
      lastError: "HTTP 503",
      runAt: retry,
      leaseOwner: null,
    });
    expect(await claimDue(open.db, "test", a, 1, now)).toEqual([]);
    const [again] = await claimDue(open.db, "test", a, 1, retry);
    // Only the holder of the lease can settle the job.
    expect(await failJob(open.db, { ...again!, leaseOwner: "runner-b" }, "stolen", null)).toBeNull();
    expect(await failJob(open.db, again!, "HTTP 410", null)).toMatchObject({ attempts: 2, runAt: null });
    expect(await claimDue(open.db, "test", a, 1, new Date(now.getTime() + 86_400_000))).toEqual([]);

    const forced = await claimJob(open.db, key("s1"), a);
    await completeJob(open.db, forced!);
    expect(await open.db.select().from(jobs)).toEqual([]);
  });

  it("backs off exponentially up to a cap, spread either way", () => {
    expect([1, 2, 3, 4, 10].map((n) => retryDelayMs(n, 1_000, 5_000, () => 0.5))).toEqual([
      1_000, 2_000, 4_000, 5_000, 5_000,
    ]);
    expect(retryDelayMs(1, 1_000, 5_000, () => 0)).toBe(800);
    expect(retryDelayMs(1, 1_000, 5_000, () => 1)).toBe(1_200);
  });
});
