import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChangeHub } from "../db/change-hub";

/**
 * The long poll against a real embedded database: the trigger's NOTIFY, the one LISTEN and the waiting
 * request together. No fixed sleeps: each test writes while a request waits and checks what it answers.
 */
describe("waitForChanges (long poll)", () => {
  let dir: string;
  let close: () => Promise<void>;
  let hub: ChangeHub;
  const saved = process.env.DATABASE_URL;
  let serial = 0;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "luma-changes-"));
    process.env.DATABASE_URL = `pglite:${dir}/db`;
    (await import("../env")).resetEnvForTests();
    const open = await (await import("../db")).openStudioDatabase();
    close = () => open.close();
    hub = await (await import("../db/listen")).taskChangeHub();
  });
  afterAll(async () => {
    await close?.();
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
    (await import("../env")).resetEnvForTests();
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function insertTask(state: "running" | "completed", prompt = `task ${serial}`) {
    const { getDb, schema } = await import("../db");
    const id = `t_changes_${serial++}`;
    await (await getDb())
      .insert(schema.tasks)
      .values({ id, provider: "simulator", kind: "generate", prompt, state });
    return id;
  }

  async function poll(since: string | undefined, waitSeconds: number, signal = new AbortController().signal) {
    const { waitForChanges } = await import("./changes");
    const { taskChangeHub } = await import("../db/listen");
    const started = Date.now();
    const answer = await waitForChanges(since, waitSeconds, signal, taskChangeHub);
    if (answer === "closing") throw new Error("the hub is closed");
    return { answer, ms: Date.now() - started };
  }

  /** A cursor as a client holds it after a read that saw everything written so far. */
  async function freshCursor(): Promise<string> {
    return (await poll(undefined, 0)).answer.cursor;
  }

  it("holds the answer while nothing moved, and answers as soon as a task is written", async () => {
    expect(hub.listening).toBe(true);
    const since = await freshCursor();
    const waiting = poll(since, 10);
    await expect.poll(() => hub.waiting).toBe(1);
    const writtenAt = Date.now();
    const id = await insertTask("completed", "a clip finished elsewhere");
    const { answer } = await waiting;
    expect(answer.tasks.map((task) => task.id)).toContain(id);
    expect(Date.now() - writtenAt).toBeLessThan(1_000);
    expect(hub.waiting).toBe(0);
  });

  it("answers at once when something changed after the cursor's read, and without a cursor", async () => {
    const since = await freshCursor();
    const id = await insertTask("completed");
    const { answer, ms } = await poll(since, 10);
    expect(answer.tasks.map((task) => task.id)).toContain(id);
    expect(ms).toBeLessThan(1_000);
    expect((await poll(undefined, 10)).ms).toBeLessThan(1_000);
  });

  it("a write that leaves updated_at alone (a lease) does not wake it; the wait ends with the running tasks", async () => {
    const { getDb, schema } = await import("../db");
    const running = await insertTask("running");
    const since = await freshCursor();
    const waiting = poll(since, 1);
    await expect.poll(() => hub.waiting).toBe(1);
    await (await getDb())
      .update(schema.tasks)
      .set({ leaseOwner: "someone", leaseExpiresAt: new Date(Date.now() + 30_000) })
      .where(eq(schema.tasks.id, running));
    const { answer, ms } = await waiting;
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(answer.tasks.map((task) => task.id)).toContain(running);
  });

  async function setTask(
    id: string,
    values: { state?: "running" | "completed"; estimateWaitSeconds?: number },
  ) {
    const { getDb, schema } = await import("../db");
    await (await getDb())
      .update(schema.tasks)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(schema.tasks.id, id));
  }

  it("holds progress until the request has been open ~3 s, then answers it with everything of that window", async () => {
    const { SETTLE_MS } = await import("../db/change-hub");
    const running = await insertTask("running");
    const other = await insertTask("running");
    const since = await freshCursor();
    const waiting = poll(since, 20);
    await expect.poll(() => hub.waiting).toBe(1);
    await setTask(running, { estimateWaitSeconds: 40 });
    await setTask(other, { estimateWaitSeconds: 30 });
    const { answer, ms } = await waiting;
    expect(ms).toBeGreaterThanOrEqual(SETTLE_MS - 50);
    expect(ms).toBeLessThan(SETTLE_MS + 1_000);
    const seen = new Map(answer.tasks.map((task) => [task.id, task.estimateWaitSeconds]));
    expect(seen.get(running)).toBe(40);
    expect(seen.get(other)).toBe(30);
  });

  it("a clip that finishes while progress is held is answered at once, not after the window", async () => {
    const running = await insertTask("running");
    const since = await freshCursor();
    const waiting = poll(since, 20);
    await expect.poll(() => hub.waiting).toBe(1);
    await setTask(running, { estimateWaitSeconds: 12 });
    const finishedAt = Date.now();
    await setTask(running, { state: "completed" });
    const { answer } = await waiting;
    expect(Date.now() - finishedAt).toBeLessThan(500);
    expect(answer.tasks.find((task) => task.id === running)?.state).toBe("completed");
  });

  it("a clip deleted while a request waits is answered at once, with its id in deletedIds", async () => {
    const { deleteTask } = await import("./delete");
    const doomed = await insertTask("completed");
    const since = await freshCursor();
    const waiting = poll(since, 20);
    await expect.poll(() => hub.waiting).toBe(1);
    const deletedAt = Date.now();
    await deleteTask(doomed);
    const { answer } = await waiting;
    expect(Date.now() - deletedAt).toBeLessThan(500);
    expect(answer.deletedIds).toEqual([doomed]);
    expect(answer.tasks.map((task) => task.id)).not.toContain(doomed);
    // The next request, from the answer's cursor, may see it again (the overlap); merging is idempotent.
    expect((await poll(answer.cursor, 0)).answer.deletedIds).toContain(doomed);
  });

  it("progress written between two requests waits out the window; a finish written there answers at once", async () => {
    const { SETTLE_MS } = await import("../db/change-hub");
    const running = await insertTask("running");
    const since = await freshCursor();
    await setTask(running, { estimateWaitSeconds: 7 });
    const held = await poll(since, 20);
    expect(held.ms).toBeGreaterThanOrEqual(SETTLE_MS - 50);
    const next = held.answer.cursor;
    await setTask(running, { state: "completed" });
    const { answer, ms } = await poll(next, 20);
    expect(ms).toBeLessThan(500);
    expect(answer.tasks.find((task) => task.id === running)?.state).toBe("completed");
  });

  it("a caller that goes away stops waiting and leaves no waiter behind", async () => {
    const since = await freshCursor();
    const controller = new AbortController();
    const waiting = poll(since, 20, controller.signal);
    await expect.poll(() => hub.waiting).toBe(1);
    controller.abort();
    const { ms } = await waiting;
    expect(ms).toBeLessThan(1_000);
    expect(hub.waiting).toBe(0);
  });

  it("once the server shuts down, a waiting request is told to come back, and so is every new one", async () => {
    const { waitForChanges } = await import("./changes");
    const since = await freshCursor();
    const waiting = waitForChanges(since, 20, new AbortController().signal, async () => hub);
    await expect.poll(() => hub.waiting).toBe(1);
    hub.close();
    expect(await waiting).toBe("closing");
    expect(await waitForChanges(since, 20, new AbortController().signal, async () => hub)).toBe("closing");
    // A page that just loaded is still answered.
    expect(await waitForChanges(undefined, 20, new AbortController().signal, async () => hub)).toHaveProperty(
      "cursor",
    );
  });

  it("refuses a cursor it did not make", async () => {
    await expect(poll("not a date", 5)).rejects.toThrow(/since/);
  });
});
