import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { LumaProvider } from "@/lib/luma";
import { snapshotOf } from "@/lib/luma/test-helpers";
import { type OpenDatabase, openDatabase } from "../db/open";
import { jobs, tasks } from "../db/schema";
import { createMirror } from "../media/mirror";
import { createLocalStorage } from "../storage/local";
import { createWatcher } from "../watcher/core";
import { listChanges } from "./changes";
import { insertOrReuse } from "./submit";

/**
 * An open tab learns what moved through `listChanges(since)` and merges a task only when its
 * `updated_at` moved: every write the API shows must bump it. The studio's database module is pointed
 * at the test's embedded database.
 */

const holder = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock("../db", async (original) => ({
  ...(await original<typeof import("../db")>()),
  getDb: async () => holder.db,
}));
vi.mock("../share/links", () => ({ liveLinksOf: async () => new Map(), presentShare: () => null }));
vi.mock("../upstream-link", () => ({ browserUrl: (url: string) => url }));
vi.mock("../upstream", () => ({ provider: () => ({}) }));

const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypmp42"), Buffer.alloc(2000, 7)]);
let videoAnswers = true;
const cdn = http.createServer((_req, res) => {
  if (videoAnswers) res.writeHead(200, { "content-type": "video/mp4" }).end(MP4);
  else res.writeHead(503).end();
});

describe("every change an open tab must see bumps updated_at", () => {
  let dir: string;
  let open: OpenDatabase;
  let base: string;
  const long = new Date(Date.now() - 3_600_000);

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "luma-changes-"));
    open = await openDatabase({ kind: "pglite", dataDir: path.join(dir, "db") });
    holder.db = open.db;
    await new Promise<void>((resolve) => cdn.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    cdn.close();
    await open.close();
    await fs.rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await open.db.delete(tasks);
    await open.db.delete(jobs);
    videoAnswers = true;
  });

  const changed = async (since: Date) =>
    (await listChanges(since.toISOString())).tasks.filter((task) => new Date(task.updatedAt) > since);

  it("shows a task flagged stalled", async () => {
    await open.db.insert(tasks).values({
      id: "t_stall",
      provider: "relay",
      kind: "generate",
      prompt: "frozen",
      state: "running",
      // What the answer below says, so the answer itself changes nothing: only the stalled flag moves.
      upstreamState: "processing",
      upstreamId: "up-1",
      nextPollAt: new Date(0),
      createdAt: long,
      updatedAt: long,
      lastProgressAt: long,
    });
    const upstream = {
      getEach: async () => ({ found: new Map([["up-1", snapshotOf()]]), failed: new Map() }),
      getMany: async () => [snapshotOf()],
    } as unknown as LumaProvider;
    const since = new Date();
    await createWatcher({
      db: open.db,
      upstream,
      instanceId: "w1",
      settings: { stallAfterMs: 60_000 },
    }).pollOnce();
    expect(await changed(since)).toMatchObject([{ id: "t_stall", stalled: true }]);
  });

  it("shows a stored copy, and a copy that is being retried", async () => {
    await open.db.insert(tasks).values({
      id: "t_copy",
      provider: "relay",
      kind: "generate",
      prompt: "copied",
      state: "completed",
      videoUrl: `${base}/v.mp4`,
      createdAt: long,
      updatedAt: long,
      completedAt: long,
    });
    const mirror = createMirror({
      db: open.db,
      storage: createLocalStorage(path.join(dir, "media")),
      upstream: { downloadUrl: async () => null },
      providerName: "relay",
      // The test's CDN is on loopback, which the SSRF guard allows only for the upstream's own origin.
      trusted: [`${base}/`],
    });

    videoAnswers = false;
    let since = new Date();
    await mirror.mirrorDue();
    expect(await changed(since)).toMatchObject([
      { id: "t_copy", copy: { status: "retrying", reason: "video: upstream answered HTTP 503" } },
    ]);

    videoAnswers = true;
    since = new Date();
    await mirror.mirrorTask("t_copy");
    expect(await changed(since)).toMatchObject([
      { id: "t_copy", copy: null, video: { stored: true, url: "/api/media/clips/t_copy/video.mp4" } },
    ]);
  });

  it("shows a parent's new extension count", async () => {
    const done = { provider: "relay", kind: "generate" as const, state: "completed" as const };
    await open.db.insert(tasks).values({ id: "t_parent", prompt: "parent", ...done, updatedAt: long });
    const since = new Date();
    await insertOrReuse({ id: "t_child", prompt: "child", ...done, kind: "extend", parentId: "t_parent" });
    const parent = (await changed(since)).find((task) => task.id === "t_parent");
    expect(parent).toMatchObject({ extensionCount: 1 });
  });
});
