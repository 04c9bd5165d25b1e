import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { assertLoopbackDatabaseUrl } from "@/tests/support/local-postgres";
import { type OpenDatabase, openDatabase } from "../db/open";
import { tasks } from "../db/schema";
import { createLocalStorage } from "../storage/local";
import { createMirror } from "./mirror";

/** Two instances' mirrors on one real Postgres: each finished clip is copied by exactly one of them. */

const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypmp42"), Buffer.alloc(4000, 7)]);
const CLIPS = 12;

describe("mirror claims across two instances (real Postgres)", () => {
  const url = inject("postgresUrls").mirror;
  let a: OpenDatabase;
  let b: OpenDatabase;
  let dir: string;
  let base: string;
  const fetched = new Map<string, number>();
  const server = http.createServer((req, res) => {
    fetched.set(req.url ?? "", (fetched.get(req.url ?? "") ?? 0) + 1);
    // Slow enough that both instances' passes overlap.
    setTimeout(() => res.writeHead(200, { "content-type": "video/mp4" }).end(MP4), 50);
  });

  beforeAll(async () => {
    assertLoopbackDatabaseUrl(url);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "luma-claim-"));
    [a, b] = await Promise.all([
      openDatabase({ kind: "postgres", url }),
      openDatabase({ kind: "postgres", url }),
    ]);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await Promise.all([a?.close(), b?.close()]);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("copies every clip once while both instances run their passes", async () => {
    await a.db.insert(tasks).values(
      Array.from({ length: CLIPS }, (_, i) => ({
        id: `clip_${i}`,
        provider: "relay",
        kind: "generate" as const,
        prompt: "mirrored once",
        state: "completed" as const,
        videoUrl: `${base}/clip_${i}.mp4`,
      })),
    );
    const storage = createLocalStorage(dir);
    const deps = {
      storage,
      upstream: { downloadUrl: async () => null },
      providerName: "relay",
      trusted: [`${base}/`],
    };
    const first = createMirror({ ...deps, db: a.db });
    const second = createMirror({ ...deps, db: b.db });
    for (let pass = 0; pass < 4; pass++) {
      await Promise.all([
        first.mirrorDue(),
        second.mirrorDue(),
        first.mirrorTask("clip_0"),
        second.mirrorTask("clip_0"),
      ]);
    }
    expect(await a.db.select().from(tasks).where(isNull(tasks.videoKey))).toEqual([]);
    expect(fetched.size).toBe(CLIPS);
    expect([...fetched.values()].every((count) => count === 1)).toBe(true);
  });

  it("does not copy again on demand (a download, a share) while another instance is copying", async () => {
    await a.db.delete(tasks);
    fetched.clear();
    await a.db.insert(tasks).values({
      id: "clip_forced",
      provider: "relay",
      kind: "generate",
      prompt: "copied by A, asked for through B",
      state: "completed",
      videoUrl: `${base}/clip_forced.mp4`,
    });
    const deps = {
      storage: createLocalStorage(dir),
      upstream: { downloadUrl: async () => null },
      providerName: "relay",
      trusted: [`${base}/`],
    };
    const background = createMirror({ ...deps, db: a.db }).mirrorDue();
    // A has claimed the clip once its request reaches the upstream; B is asked for it right then.
    while (!fetched.has("/clip_forced.mp4")) await new Promise((resolve) => setTimeout(resolve, 5));
    const seenByB = await createMirror({ ...deps, db: b.db }).mirrorTask("clip_forced");
    await background;
    expect(fetched.get("/clip_forced.mp4")).toBe(1);
    expect(seenByB?.id).toBe("clip_forced");
  });
});
