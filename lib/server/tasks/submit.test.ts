import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { LumaError } from "@/lib/luma/errors";
import { snapshotOf } from "@/lib/luma/test-helpers";
import { type OpenDatabase, openDatabase } from "../db/open";
import { tasks } from "../db/schema";
import type { AppError } from "../http/errors";
import { applyUpstreamUpdate } from "./apply";
import { submitUpstream } from "./submit";

/**
 * The submit path against a real (embedded) database: the studio's database module is pointed at the
 * test's, and the upstream call is the test's own `send`, which can play a webhook arriving mid-call.
 */

const holder = vi.hoisted(() => ({ db: undefined as unknown, balanceForgotten: 0 }));
vi.mock("../db", async (original) => ({
  ...(await original<typeof import("../db")>()),
  getDb: async () => holder.db,
}));
vi.mock("../upstream", () => ({ provider: () => ({}) }));
vi.mock("../media/mirroring", () => ({ onTaskFinished: () => {} }));
vi.mock("../share/links", () => ({ liveLinksOf: async () => new Map(), presentShare: () => null }));
vi.mock("../upstream-link", () => ({ browserUrl: (url: string) => url }));
vi.mock("../balance", () => ({ forgetBalance: () => holder.balanceForgotten++ }));

const lostAnswer = () =>
  new LumaError({ kind: "unavailable", message: "The upstream did not answer: no answer within 60000 ms" });

describe("submitUpstream", () => {
  let dir: string;
  let open: OpenDatabase;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "luma-submit-"));
    open = await openDatabase({ kind: "pglite", dataDir: dir });
    holder.db = open.db;
  });
  afterAll(async () => {
    await open.close();
    await fs.rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await open.db.delete(tasks);
    await open.db
      .insert(tasks)
      .values({ id: "t1", provider: "relay", kind: "generate", prompt: "fox", state: "submitting" });
  });

  const row = async () => (await open.db.select().from(tasks).where(eq(tasks.id, "t1")))[0]!;
  const hook = (overrides: Parameters<typeof snapshotOf>[0]) =>
    applyUpstreamUpdate("t1", snapshotOf(overrides), "webhook", open.db);

  it("drops the kept account balance once the upstream took the task, not when it refused", async () => {
    const before = holder.balanceForgotten;
    await submitUpstream(await row(), async () => snapshotOf({ state: "queued" }));
    expect(holder.balanceForgotten).toBe(before + 1);
    await open.db.update(tasks).set({ state: "submitting" }).where(eq(tasks.id, "t1"));
    const refused = new LumaError({ kind: "rejected", message: "Insufficient credits", status: 400 });
    await submitUpstream(await row(), async () => Promise.reject(refused)).catch(() => null);
    expect(await row()).toMatchObject({ state: "failed" });
    expect(holder.balanceForgotten).toBe(before + 1);
  });

  it("does not fail a task a webhook moved on while the create's answer was lost", async () => {
    const task = await submitUpstream(await row(), async () => {
      await hook({ state: "running" });
      throw lostAnswer();
    });
    expect(task).toMatchObject({ state: "running", upstreamId: "up-1", failureReason: null });
    expect(await row()).toMatchObject({ state: "running", errorCode: null, completedAt: null });
  });

  it("lets a later upstream answer revive a submit it could not confirm, and finish it", async () => {
    const error = await submitUpstream(await row(), async () => Promise.reject(lostAnswer())).catch(
      (caught: AppError) => caught,
    );
    expect(error).toMatchObject({ code: "upstream_unavailable" });
    expect(await row()).toMatchObject({ state: "failed", errorCode: "upstream_unconfirmed" });

    await hook({ state: "running" });
    const running = await row();
    expect(running).toMatchObject({ state: "running", errorCode: null, failureReason: null });
    expect(running.completedAt).toBeNull();
    expect(running.nextPollAt).not.toBeNull();

    const done = await hook({ state: "completed", videoUrl: "https://cdn.example/v.mp4" });
    expect(done).toMatchObject({ finished: true });
    expect(await row()).toMatchObject({ state: "completed", videoUrl: "https://cdn.example/v.mp4" });
  });

  it("keeps a real upstream refusal final", async () => {
    const refusal = new LumaError({
      kind: "rejected",
      status: 400,
      message: "refused",
      upstreamMessage: "Contains blacklisted words",
    });
    await submitUpstream(await row(), async () => Promise.reject(refusal)).catch(() => null);
    await hook({ state: "running" });
    expect(await row()).toMatchObject({
      state: "failed",
      errorCode: "upstream_rejected",
      failureReason: "Contains blacklisted words",
    });
  });

  it("takes the upstream's real failure over the guess for an unconfirmed submit", async () => {
    await submitUpstream(await row(), async () => Promise.reject(lostAnswer())).catch(() => null);
    await hook({ state: "failed", failureReason: "Out of credits" });
    expect(await row()).toMatchObject({
      state: "failed",
      errorCode: "upstream_failed",
      failureReason: "Out of credits",
    });
    await hook({ state: "running" });
    expect((await row()).state).toBe("failed");
  });
});
