import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RENDER_MAX_AGE_MS } from "./render-cleanup";
import { TaskStore } from "./store";

/** Issue 16 point 17: partial render folders a crash left behind are removed when the simulator starts. */

describe("stale render folders", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "luma-render-clean-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function folder(task: string, name: string, ageMs = 0) {
    const where = path.join(dir, "media", task, name);
    await mkdir(where, { recursive: true });
    await writeFile(path.join(where, "clean.mp4"), "partial");
    const time = new Date(Date.now() - ageMs);
    await utimes(where, time, time);
    return where;
  }

  it("go at start when their process is gone or they are older than a render lasts; live ones stay", async () => {
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    const now = Date.now();
    await folder("a", `.render-${dead}-${now - 5_000}`);
    await folder(
      "a",
      `.render-${process.pid}-${now - RENDER_MAX_AGE_MS - 60_000}`,
      RENDER_MAX_AGE_MS + 60_000,
    );
    await folder("b", `.render-${process.pid}-${now}`); // a render under way in this process
    await folder("b", `.render-${process.ppid}-${now - 1_000}`); // a live process sharing the folder
    await writeFile(path.join(dir, "media", "a", "clean.mp4"), "finished clip");

    await new TaskStore(dir).load();

    expect((await readdir(path.join(dir, "media", "a"))).sort()).toEqual(["clean.mp4"]);
    expect((await readdir(path.join(dir, "media", "b"))).sort()).toEqual(
      [`.render-${process.pid}-${now}`, `.render-${process.ppid}-${now - 1_000}`].sort(),
    );
  });
});
