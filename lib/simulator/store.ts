import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { removeStaleRenders } from "./render-cleanup";
import { type TaskRecord, taskRecordSchema } from "./types";

/**
 * Tasks live as one JSON file each, media in a folder per task, so a restart loses nothing and a
 * half-written file never replaces a good one (write to a temp name, then rename).
 */
export class TaskStore {
  private readonly tasks = new Map<string, TaskRecord>();
  private writes = Promise.resolve();

  constructor(readonly dataDir: string) {}

  get tasksDir(): string {
    return path.join(this.dataDir, "tasks");
  }

  mediaDir(id: string): string {
    return path.join(this.dataDir, "media", id);
  }

  async load(): Promise<TaskRecord[]> {
    await mkdir(this.tasksDir, { recursive: true });
    await mkdir(path.join(this.dataDir, "media"), { recursive: true });
    // Partial renders a crash left behind (render-cleanup.ts).
    await removeStaleRenders(path.join(this.dataDir, "media"));
    for (const name of await readdir(this.tasksDir)) {
      if (!name.endsWith(".json")) continue;
      try {
        const parsed = taskRecordSchema.safeParse(
          JSON.parse(await readFile(path.join(this.tasksDir, name), "utf8")),
        );
        if (parsed.success) this.tasks.set(parsed.data.id, parsed.data);
      } catch {
        // A corrupt file is skipped rather than blocking every other task.
      }
    }
    return [...this.tasks.values()];
  }

  get(id: string): TaskRecord | undefined {
    return this.tasks.get(id);
  }

  all(): TaskRecord[] {
    return [...this.tasks.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** Serialised so two quick updates of one task cannot land out of order. */
  save(task: TaskRecord): Promise<void> {
    this.tasks.set(task.id, task);
    const snapshot = JSON.stringify(task, null, 2);
    const file = path.join(this.tasksDir, `${task.id}.json`);
    this.writes = this.writes
      .then(async () => {
        await writeFile(`${file}.tmp`, snapshot);
        await rename(`${file}.tmp`, file);
      })
      .catch(() => undefined);
    return this.writes;
  }

  async remove(id: string): Promise<void> {
    this.tasks.delete(id);
    await this.writes;
    await rm(path.join(this.tasksDir, `${id}.json`), { force: true });
    await rm(this.mediaDir(id), { recursive: true, force: true });
  }

  flush(): Promise<void> {
    return this.writes;
  }
}
