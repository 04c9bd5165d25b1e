import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("listing tasks", () => {
  let dir: string;
  let close: () => Promise<void>;
  const saved = process.env.DATABASE_URL;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "luma-list-"));
    process.env.DATABASE_URL = `pglite:${dir}/db`;
    (await import("../env")).resetEnvForTests();
    const open = await (await import("../db")).openStudioDatabase();
    close = () => open.close();
  });
  afterAll(async () => {
    await close?.();
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
    (await import("../env")).resetEnvForTests();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("walks every task once, newest first, through ties in created_at", async () => {
    const { getDb, schema } = await import("../db");
    const { listTasks } = await import("./queries");
    const db = await getDb();
    const base = Date.UTC(2025, 0, 1);
    // Pairs share a timestamp, so the id must break ties for the cursor.
    const rows = Array.from({ length: 57 }, (_, index) => ({
      id: `t_${String(index).padStart(3, "0")}`,
      provider: "simulator",
      kind: "generate" as const,
      prompt: index % 3 === 0 ? `fox ${index}` : `owl ${index}`,
      state: index % 4 === 0 ? ("failed" as const) : ("completed" as const),
      createdAt: new Date(base + Math.floor(index / 2) * 1000),
    }));
    await db.insert(schema.tasks).values(rows);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listTasks({ limit: 10, cursor });
      seen.push(...page.tasks.map((task) => task.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const expected = [...rows]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((row) => row.id);
    expect(seen).toEqual(expected);

    const foxes = await listTasks({ limit: 100, search: "FOX", states: ["failed"] });
    expect(foxes.tasks.map((task) => task.id)).toEqual(
      expected.filter((id) => Number(id.slice(2)) % 12 === 0),
    );
  });

  it("is the API's page without the stored copies' checksums, which the API keeps", async () => {
    const { getDb, schema } = await import("../db");
    const { firstGalleryPage, listTasks } = await import("./queries");
    const db = await getDb();
    await db.insert(schema.tasks).values({
      id: "t_stored",
      provider: "simulator",
      kind: "generate",
      prompt: "a stored clip",
      state: "completed",
      videoUrl: "https://cdn.example/v.mp4",
      videoKey: "clips/t_stored/video.mp4",
      videoSha256: "ab".repeat(32),
    });
    const api = await listTasks({ limit: 24 });
    const embedded = await firstGalleryPage({ limit: 24 });
    expect(api.tasks[0]?.video?.sha256).toBe("ab".repeat(32));
    expect(embedded.tasks[0]?.video).not.toHaveProperty("sha256");
    // Everything else is the same, down to the cursor.
    const { sha256: _checksum, ...video } = api.tasks[0]!.video!;
    expect(embedded).toEqual({ ...api, tasks: [{ ...api.tasks[0], video }, ...api.tasks.slice(1)] });
  });
});
