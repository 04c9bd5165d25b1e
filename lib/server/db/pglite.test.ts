import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./open";
import { createPglite, TEMPLATE } from "./pglite";

const run = promisify(execFile);

describe("embedded database memory", () => {
  const dirs: string[] = [];
  const tempDir = async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "luma-pglite-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
  });

  it("starts a new database from the template of the installed PGlite, with 32 MB of shared buffers", async () => {
    const made = JSON.parse(await fs.readFile(path.join(path.dirname(TEMPLATE), "pgdata.json"), "utf8"));
    const installed = JSON.parse(
      await fs.readFile("node_modules/@electric-sql/pglite/package.json", "utf8"),
    ) as { version: string };
    // After a PGlite upgrade: npm run db:template.
    expect(made).toEqual({ pglite: installed.version });

    const { client, fromTemplate } = await createPglite(path.join(await tempDir(), "db"));
    try {
      expect(fromTemplate).toBe(true);
      const settings = await client.query<{ name: string; setting: string; unit: string }>(
        "select name, setting, unit from pg_settings where name in ('shared_buffers', 'maintenance_work_mem') order by name",
      );
      // shared_buffers counts 8 kB pages.
      expect(settings.rows).toEqual([
        { name: "maintenance_work_mem", setting: "16384", unit: "kB" },
        { name: "shared_buffers", setting: "4096", unit: "8kB" },
      ]);
    } finally {
      await client.close();
    }
  });

  it("falls back to PGlite's own initdb when the template cannot start", async () => {
    const dir = await tempDir();
    const broken = path.join(dir, "broken.tar.gz");
    await fs.writeFile(broken, "not a tarball");
    const { client, fromTemplate } = await createPglite(path.join(dir, "db"), broken);
    try {
      expect(fromTemplate).toBe(false);
      expect((await client.query("select 1 as one")).rows).toEqual([{ one: 1 }]);
    } finally {
      await client.close();
    }
  });

  it("opens and migrates a new database in a process that peaks under 400 MB", async () => {
    const dataDir = path.join(await tempDir(), "db");
    const script = `
      import { openDatabase } from "./lib/server/db/open.ts";
      import { readFileSync } from "node:fs";
      const db = await openDatabase({ kind: "pglite", dataDir: ${JSON.stringify(dataDir)} });
      await db.close();
      console.log(/VmHWM:\\s+(\\d+)/.exec(readFileSync("/proc/self/status", "utf8"))[1]);
    `;
    const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script]);
    const peakMb = Number(stdout.trim()) / 1024;
    // Node with tsx is ~90 MB; PGlite's own initdb alone took ~700 MB more.
    expect(peakMb).toBeGreaterThan(50);
    expect(peakMb).toBeLessThan(400);
    const reopened = await openDatabase({ kind: "pglite", dataDir });
    await reopened.close();
  });
});
