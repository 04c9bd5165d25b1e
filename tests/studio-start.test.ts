import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { studioStartScript } from "../e2e/support/studio-command";

/**
 * `npm run studio:start` with a stand-in `next` that reports what it was started with: the memory
 * settings a creator's studio runs with, that theirs win, and that the script `exec`s (the process a
 * supervisor or a bench watches is the studio itself, not a shell around it).
 */

let bin = "";
beforeAll(async () => {
  bin = await mkdtemp(path.join(tmpdir(), "luma-start-"));
  const fake = path.join(bin, "next");
  await writeFile(
    fake,
    '#!/bin/sh\nprintf \'{"pid":%s,"arena":"%s","nodeOptions":"%s","args":"%s"}\' "$$" "$MALLOC_ARENA_MAX" "$NODE_OPTIONS" "$*"\n',
  );
  await chmod(fake, 0o755);
});
afterAll(() => rm(bin, { recursive: true, force: true }));

function run(env: Record<string, string>): Promise<{ shellPid: number; reported: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const child = spawn("sh", ["-c", `${studioStartScript()} "$@"`, "studio:start", "-p", "3999"], {
      env: { NODE_ENV: "test", PATH: `${bin}:/usr/bin:/bin`, ...env },
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", () => resolve({ shellPid: child.pid ?? 0, reported: JSON.parse(out) }));
  });
}

describe("studio:start", () => {
  it("starts next on loopback with a 448 MB heap limit and two malloc arenas, in place of its shell", async () => {
    const { shellPid, reported } = await run({});
    expect(reported).toEqual({
      pid: shellPid,
      arena: "2",
      nodeOptions: "--max-old-space-size=448 ",
      args: "start -H 127.0.0.1 -p 3999",
    });
  });

  it("keeps the creator's own NODE_OPTIONS (theirs come last and win), MALLOC_ARENA_MAX and HOST", async () => {
    const { reported } = await run({
      NODE_OPTIONS: "--max-old-space-size=2048 --enable-source-maps",
      MALLOC_ARENA_MAX: "4",
      HOST: "0.0.0.0",
    });
    expect(reported).toMatchObject({
      arena: "4",
      nodeOptions: "--max-old-space-size=448 --max-old-space-size=2048 --enable-source-maps",
      args: "start -H 0.0.0.0 -p 3999",
    });
  });
});
