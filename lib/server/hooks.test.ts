import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, openStudioDatabase, schema } from "./db";
import { resetEnvForTests } from "./env";
import { receiveHook } from "./hooks";

/** Issue 16 point 5: a webhook delivery that echoes the token altered keeps no trace of it. */

const TOKEN = "relay-key-HOOK-5e4d3c2b1a09";

describe("a webhook delivery's failure reason", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "luma-hooks-"));
    vi.stubEnv("DATABASE_URL", `pglite:${path.join(dir, "db")}`);
    vi.stubEnv("MEDIA_DIR", path.join(dir, "media"));
    vi.stubEnv("LUMA_PROVIDER", "relay");
    vi.stubEnv("LUMA_BASE_URL", "https://relay.example");
    vi.stubEnv("LUMA_API_KEY", TOKEN);
    resetEnvForTests();
  });
  afterAll(async () => {
    await (await openStudioDatabase()).close();
    vi.unstubAllEnvs();
    resetEnvForTests();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("is stored with the echoed token redacted, in whatever form it came", async () => {
    const db = await getDb();
    await db.insert(schema.tasks).values({
      id: "t1",
      provider: "relay",
      upstreamId: "up-1",
      kind: "generate",
      prompt: "fox",
      state: "running",
      hookSecret: "s3cr3t-hook-value",
    });
    const echoed = `${Buffer.from(`Bearer ${TOKEN}`).toString("base64")} / ${TOKEN.toLowerCase().slice(0, 19)}`;
    await receiveHook("t1.s3cr3t-hook-value", {
      id: "up-1",
      state: "failed",
      failure_reason: `refused ${echoed}`,
    });
    const [row] = await db.select().from(schema.tasks).where(eq(schema.tasks.id, "t1"));
    expect(row?.state).toBe("failed");
    expect(row?.failureReason).toBe("refused [redacted] / [redacted]");
  });
});
