import { randomUUID } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type { Faults } from "./faults";
import { normalizeKeyframe } from "./keyframes";
import type { RenderSettings } from "./plan";
import { editJob, renderJob } from "./plan";
import { renderEdit, renderTask } from "./render";
import { Slots } from "./slots";
import type { TaskStore } from "./store";
import {
  BLACKLISTED_REASON,
  dimensionsFor,
  type Edit,
  errorMessage,
  type FrameRef,
  isTerminal,
  type TaskRecord,
} from "./types";

export interface EngineOptions {
  store: TaskStore;
  pendingMs: number;
  processingMs: number;
  concurrency: number;
  /** ffmpeg processes at once (each holds ~250 MB for a 720p clip); default `concurrency`. */
  rendersAtOnce?: number;
  render: RenderSettings;
  faults: () => Faults;
  random: () => number;
  onChange: (task: TaskRecord) => void;
  onSpawn?: (pid: number) => void;
}

export type NewTask = Omit<
  TaskRecord,
  | "id"
  | "state"
  | "createdAt"
  | "startedAt"
  | "completedAt"
  | "failureReason"
  | "media"
  | "width"
  | "height"
  | "edit"
> & { size?: { width: number; height: number }; edit?: Edit | null };

/** Puts a derived generation's inputs (its source video or image) into its media folder before it is saved. */
export type PrepareMedia = (dir: string) => Promise<void>;

export interface KeyframeBytes {
  start?: Uint8Array;
  end?: Uint8Array;
}

/** Task lifecycle: pending (for `pendingMs`, then waiting for a render slot) → processing → completed | failed. */
export class Engine {
  private readonly queue: string[] = [];
  private readonly running = new Map<string, Promise<void>>();
  private readonly aborts = new Map<string, AbortController>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly renders: Slots;
  private readonly watchers = new Map<string, Set<() => void>>();
  private averageRenderMs: number;
  private closed = false;
  readonly errors: { taskId: string; message: string; at: string }[] = [];

  constructor(private readonly o: EngineOptions) {
    this.averageRenderMs = Math.max(o.processingMs, 3000);
    this.renders = new Slots(Math.max(1, o.rendersAtOnce ?? o.concurrency));
  }

  /** Resumes unfinished work after a restart: renders in progress restart, pending tasks keep waiting. */
  async start(): Promise<void> {
    const tasks = await this.o.store.load();
    const unfinished = tasks.filter((t) => !isTerminal(t.state));
    unfinished.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    for (const task of unfinished) {
      if (task.state === "processing") this.queue.push(task.id);
      else this.schedule(task);
    }
    this.pump();
  }

  async create(spec: NewTask, keyframes: KeyframeBytes, prepare?: PrepareMedia): Promise<TaskRecord> {
    const id = randomUUID();
    const size = spec.size ?? dimensionsFor(spec.aspectRatio, spec.resolution, this.o.render.scale);
    const dir = this.o.store.mediaDir(id);
    await mkdir(dir, { recursive: true });
    const frame = async (
      bytes: Uint8Array | undefined,
      field: string,
      file: string,
      fallback: FrameRef | null,
    ) => {
      if (!bytes) return fallback;
      await normalizeKeyframe(bytes, field, size, path.join(dir, file));
      return { kind: "image", file } satisfies FrameRef;
    };
    let start: FrameRef | null;
    let end: FrameRef | null;
    try {
      start = await frame(keyframes.start, "image_url", "start.png", spec.start);
      end = await frame(keyframes.end, "image_end_url", "end.png", spec.end);
      await prepare?.(dir);
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
    const { size: _size, edit = null, ...fields } = spec;
    const task: TaskRecord = {
      ...fields,
      edit,
      ...size,
      id,
      start,
      end,
      state: "pending",
      createdAt: new Date().toISOString(),
      startedAt: null,
      completedAt: null,
      failureReason: null,
      media: null,
    };
    await this.o.store.save(task);
    this.schedule(task);
    return task;
  }

  get(id: string): TaskRecord | undefined {
    return this.o.store.get(id);
  }

  mediaDir(id: string): string {
    return this.o.store.mediaDir(id);
  }

  /** Output size for an aspect ratio and resolution, at the configured render scale. */
  sizeFor(aspectRatio: string, resolution: string): { width: number; height: number } {
    return dimensionsFor(aspectRatio, resolution, this.o.render.scale);
  }

  list(): TaskRecord[] {
    return this.o.store.all();
  }

  async remove(id: string): Promise<boolean> {
    if (!this.o.store.get(id)) return false;
    this.aborts.get(id)?.abort();
    await this.running.get(id);
    const at = this.queue.indexOf(id);
    if (at >= 0) this.queue.splice(at, 1);
    await this.o.store.remove(id);
    for (const check of [...(this.watchers.get(id) ?? [])]) check();
    return true;
  }

  /** Resolves once the task is completed or failed (or gone), or after `timeoutMs`, whichever is first. */
  settled(id: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const watchers = this.watchers.get(id) ?? new Set<() => void>();
      this.watchers.set(id, watchers);
      const done = () => {
        clearTimeout(timer);
        watchers.delete(check);
        if (watchers.size === 0) this.watchers.delete(id);
        resolve();
      };
      const check = () => {
        const task = this.o.store.get(id);
        if (!task || isTerminal(task.state) || this.closed) done();
      };
      const timer = setTimeout(done, Math.max(0, timeoutMs));
      timer.unref();
      watchers.add(check);
      check();
    });
  }

  /** A relay-style guess: time left in the pending phase plus the renders queued ahead. */
  estimateWaitSeconds(task: TaskRecord): number | null {
    if (task.state !== "pending") return null;
    const left = Math.max(0, Date.parse(task.createdAt) + this.o.pendingMs - Date.now());
    const position = this.queue.includes(task.id) ? this.queue.indexOf(task.id) : this.queue.length;
    const rounds =
      Math.floor(position / this.o.concurrency) + (this.running.size >= this.o.concurrency ? 1 : 0);
    return Math.max(1, Math.ceil((left + rounds * this.averageRenderMs) / 1000));
  }

  stats(): { running: string[]; queued: string[] } {
    return { running: [...this.running.keys()], queued: [...this.queue] };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    for (const abort of this.aborts.values()) abort.abort();
    for (const watchers of [...this.watchers.values()]) for (const check of [...watchers]) check();
    // Aborted renders end within moments; the bound keeps a stuck child process from holding close() open.
    await settleWithin([...this.running.values()], 5_000);
    await settleWithin([this.o.store.flush()], 5_000);
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) fn();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  private schedule(task: TaskRecord): void {
    const wait = Math.max(0, Date.parse(task.createdAt) + this.o.pendingMs - Date.now());
    this.later(wait, () => {
      this.queue.push(task.id);
      this.pump();
    });
  }

  private pump(): void {
    while (!this.closed && this.running.size < this.o.concurrency && this.queue.length > 0) {
      const id = this.queue.shift();
      const task = id ? this.o.store.get(id) : undefined;
      if (!task || isTerminal(task.state)) continue;
      const blocked = this.o
        .faults()
        .blockedWords.find((w) => task.prompt.toLowerCase().includes(w.toLowerCase()));
      if (blocked) {
        void this.finish(task, { failureReason: BLACKLISTED_REASON });
        continue;
      }
      const work = this.process(task).finally(() => {
        this.running.delete(task.id);
        this.aborts.delete(task.id);
        this.pump();
      });
      this.running.set(task.id, work);
    }
  }

  private async process(task: TaskRecord): Promise<void> {
    const began = Date.now();
    if (task.state !== "processing")
      await this.update(task, { state: "processing", startedAt: new Date().toISOString() });
    const faults = this.o.faults();
    const doomed = this.o.random() < faults.failureRate;
    const abort = new AbortController();
    this.aborts.set(task.id, abort);
    try {
      const media = doomed ? null : await this.render(task, abort.signal);
      if (media) this.averageRenderMs = 0.7 * this.averageRenderMs + 0.3 * (Date.now() - began);
      // Real renders take a while; a tiny test clip still waits out the configured minimum.
      const rest = Math.max(0, began + this.o.processingMs - Date.now());
      // close() clears pending timers, so the wait must also end on abort (even one that already
      // happened: an aborted signal fires no second event) or close() would never settle.
      await new Promise<void>((resolve) => {
        if (abort.signal.aborted) return resolve();
        this.later(rest, resolve);
        abort.signal.addEventListener("abort", () => resolve(), { once: true });
      });
      if (this.closed || abort.signal.aborted) return;
      if (media) await this.finish(task, { media });
      else {
        const reasons = faults.failureReasons;
        await this.finish(task, {
          failureReason: reasons[Math.floor(this.o.random() * reasons.length)] ?? null,
        });
      }
    } catch (error) {
      if (this.closed || abort.signal.aborted) return;
      this.errors.push({ taskId: task.id, message: errorMessage(error), at: new Date().toISOString() });
      await this.finish(task, { failureReason: "Prompt processing failed" });
    }
  }

  private async render(task: TaskRecord, signal: AbortSignal) {
    const release = await this.renders.acquire(signal);
    try {
      const run = { signal, onSpawn: this.o.onSpawn };
      if (task.edit)
        return await renderEdit({ ...editJob(task, task.edit, this.o.store, this.o.render), ...run });
      return await renderTask({ ...renderJob(task, this.o.store, this.o.render), ...run });
    } finally {
      release();
    }
  }

  private finish(task: TaskRecord, result: Pick<TaskRecord, "media"> | Pick<TaskRecord, "failureReason">) {
    const state = "media" in result ? "completed" : "failed";
    return this.update(task, { ...result, state, completedAt: new Date().toISOString() });
  }

  private async update(task: TaskRecord, patch: Partial<TaskRecord>): Promise<void> {
    const current = this.o.store.get(task.id);
    if (!current) return;
    const next = { ...current, ...patch };
    await this.o.store.save(next);
    this.o.onChange(next);
    for (const check of [...(this.watchers.get(task.id) ?? [])]) check();
  }
}

/** Waits for the promises to settle, but no longer than `ms`. */
function settleWithin(promises: Promise<unknown>[], ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  return Promise.race([Promise.allSettled(promises).then(() => undefined), limit]).finally(() =>
    clearTimeout(timer),
  );
}
