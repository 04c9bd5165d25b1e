import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("listTasks pagination", () => {
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
});
