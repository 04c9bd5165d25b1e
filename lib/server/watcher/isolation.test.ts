import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createProvider } from "@/lib/luma";
import { json, startServer, type TestServer } from "@/lib/luma/test-helpers";
import { type OpenDatabase, openDatabase } from "../db/open";
import { tasks } from "../db/schema";
import { createWatcher } from "./core";

/**
 * One task whose status answer is broken (a body far over the client's 5 MB limit, in the batch and
 * alone) must not hold back the tasks polled with it, and tasks that fail together must not come back
 * together. A local relay plays the upstream: `bad` ids answer a 6 MB body once `broken` is set.
 */

const HUGE = `{"id":"bad","state":"processing","prompt":"${" ".repeat(6 * 1024 * 1024)}"}`;
const task = (id: string, state: string) => ({
  id,
  state,
  prompt: "p",
  created_at: "2026-01-01T00:00:00Z",
  video: state === "completed" ? { url: `https://cdn.example/${id}.mp4`, width: 640, height: 360 } : null,
});

describe("watcher isolates a task whose answer is broken", () => {
  let dir: string;
  let open: OpenDatabase;
  let relay: TestServer;
  let broken = false;
  let down = false;
  let goodState = "processing";

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "luma-isolation-"));
    open = await openDatabase({ kind: "pglite", dataDir: dir });
    relay = await startServer((req, res) => {
      if (down) return json(res, 500, { detail: "Internal Server Error" });
      const answer = (id: string) => (id.startsWith("bad") && broken ? null : task(id, goodState));
      if (req.url === "/luma/tasks") {
        const ids = (JSON.parse(req.body) as { ids: string[] }).ids;
        const answers = ids.map(answer);
        if (answers.includes(null)) return json(res, 200, `[${HUGE}]`);
        return json(res, 200, answers);
      }
      const id = decodeURIComponent(req.url.split("/").at(-1) ?? "");
      const one = answer(id);
      return one ? json(res, 200, one) : json(res, 200, HUGE);
    });
  });
  afterAll(async () => {
    await relay.close();
    await open.close();
    await fs.rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await open.db.delete(tasks);
    broken = false;
    down = false;
    goodState = "processing";
  });

  const upstream = () => createProvider({ kind: "relay", baseUrl: relay.url, apiKey: "k", retries: 0 });
  async function insert(ids: string[]) {
    await open.db.insert(tasks).values(
      ids.map((id) => ({
        id: `t_${id}`,
        provider: "relay",
        kind: "generate" as const,
        prompt: "p",
        state: "queued" as const,
        upstreamId: id,
        nextPollAt: new Date(0),
      })),
    );
  }
  const rows = async () =>
    new Map((await open.db.select().from(tasks)).map((row) => [row.upstreamId ?? "", row]));
  const dueNow = () => open.db.update(tasks).set({ nextPollAt: new Date(0) });

  it("finishes the other tasks of a batch when one task's answer is 6 MB", async () => {
    const watcher = createWatcher({ db: open.db, upstream: upstream(), instanceId: "w1" });
    await insert(["good-1", "bad", "good-2"]);
    await watcher.pollOnce();
    expect([...(await rows()).values()].every((row) => row.state === "running")).toBe(true);

    broken = true;
    goodState = "completed";
    await dueNow();
    await watcher.pollOnce();
    const after = await rows();
    expect(after.get("good-1")).toMatchObject({ state: "completed", pollErrors: 0 });
    expect(after.get("good-2")).toMatchObject({ state: "completed", pollErrors: 0 });
    expect(after.get("bad")).toMatchObject({ state: "running", pollErrors: 1, leaseOwner: null });
  });

  it("does the same when the broken answer comes before any batch worked", async () => {
    broken = true;
    goodState = "completed";
    await insert(["good-1", "bad", "good-2"]);
    await createWatcher({ db: open.db, upstream: upstream(), instanceId: "w1" }).pollOnce();
    const after = await rows();
    expect(after.get("good-1")?.state).toBe("completed");
    expect(after.get("good-2")?.state).toBe("completed");
    expect(after.get("bad")).toMatchObject({ state: "queued", pollErrors: 1 });
  });

  it("spreads the retries of tasks that failed together", async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `good-${i}`);
    await insert(ids);
    down = true;
    const now = new Date();
    await createWatcher({ db: open.db, upstream: upstream(), instanceId: "w1" }).pollOnce(now);
    const retries = [...(await rows()).values()].map((row) => row.nextPollAt!.getTime() - now.getTime());
    expect(retries.every((ms) => ms >= 2_400 && ms <= 3_600)).toBe(true);
    expect(new Set(retries).size).toBeGreaterThan(4);
  });
});
