import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";

/**
 * A render works in `.render-<pid>-<started ms>` inside the task's media folder and removes it when done;
 * a crash (kill -9, power loss) leaves it behind. At start, each such folder is removed when it is stale:
 * its process is gone, or it is older than any render can last (the pid may have been reused). A folder
 * of a live render, in this process or another one sharing the data folder, is left alone.
 */

/** Far longer than a render takes (seconds to a few minutes on a slow machine). */
export const RENDER_MAX_AGE_MS = 60 * 60_000;

const RENDER_DIR = /^\.render-(\d+)-(\d+)$/;

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface CleanupOptions {
  now?: number;
  alive?: (pid: number) => boolean;
}

/** Removes stale render folders under `mediaRoot/<task>/`; answers how many were removed. */
export async function removeStaleRenders(mediaRoot: string, options: CleanupOptions = {}): Promise<number> {
  const now = options.now ?? Date.now();
  const alive = options.alive ?? processAlive;
  const tasks = await readdir(mediaRoot, { withFileTypes: true }).catch(() => []);
  let removed = 0;
  for (const task of tasks) {
    if (!task.isDirectory()) continue;
    const dir = path.join(mediaRoot, task.name);
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const match = RENDER_DIR.exec(entry.name);
      if (!match || !entry.isDirectory()) continue;
      const pid = Number(match[1]);
      const folder = path.join(dir, entry.name);
      // The name's start time, or the folder's own time when the clock or the name cannot be trusted.
      const started = Math.min(Number(match[2]), (await stat(folder).catch(() => null))?.mtimeMs ?? now);
      const stale = now - started > RENDER_MAX_AGE_MS || (pid !== process.pid && !alive(pid));
      if (!stale) continue;
      await rm(folder, { recursive: true, force: true });
      removed += 1;
    }
  }
  return removed;
}
