import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { extract } from "tar";

/**
 * Opens the embedded database with the studio's memory settings. Pure of Next.js and `server-only`.
 *
 * PGlite runs PostgreSQL inside WebAssembly, whose memory never shrinks. Two things dominated it:
 * - initdb's default of 128 MB of shared buffers (~250 MB of the studio's RSS). 32 MB still holds the hot
 *   rows of a 10,000-task gallery; the operating system caches the rest of the files. The settings are
 *   passed on every start, since older data folders carry 128 MB in their postgresql.conf.
 * - PGlite's own initdb on an empty folder: it runs a second PostgreSQL and the initdb program beside
 *   the first, ~550 MB at once. A new folder is instead unpacked from TEMPLATE (streamed to disk by
 *   node-tar, so it costs no memory), a fresh initdb of the same PGlite made by `npm run db:template`,
 *   and then opened like any existing database. If the installed PGlite cannot start from it (a newer
 *   PostgreSQL), the folder is emptied again and PGlite's initdb runs as before.
 */

export const PGLITE_SETTINGS = ["shared_buffers=32MB", "maintenance_work_mem=16MB"];
export const TEMPLATE = path.join(process.cwd(), "lib/server/db/template/pgdata.tar.gz");

const settingArgs = PGLITE_SETTINGS.flatMap((setting) => ["-c", setting]);

export async function createPglite(
  dataDir: string,
  template = TEMPLATE,
): Promise<{ client: PGlite; fromTemplate: boolean }> {
  const { PGlite } = await import("@electric-sql/pglite");
  const options = {
    startParams: [...PGlite.defaultStartParams, ...settingArgs],
    initDbStartParams: settingArgs,
  };
  await fs.mkdir(dataDir, { recursive: true });
  // Only a folder with nothing in it: a half-made one is left to PGlite, which knows what it holds.
  const empty = (await fs.readdir(dataDir)).length === 0;
  // The template path is known only at run time (tests pass their own): not a build input to trace.
  if (empty && existsSync(/*turbopackIgnore: true*/ template)) {
    try {
      await extract({ file: template, cwd: dataDir });
      return { client: await PGlite.create(dataDir, options), fromTemplate: true };
    } catch {
      // Left half-unpacked: empty the folder again (it was empty) so initdb starts clean.
      for (const entry of await fs.readdir(dataDir)) {
        await fs.rm(path.join(dataDir, entry), { recursive: true, force: true });
      }
    }
  }
  return { client: await PGlite.create(dataDir, options), fromTemplate: false };
}
