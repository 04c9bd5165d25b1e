import type { Faults } from "./faults";
import { errorMessage, isTerminal, type TaskRecord } from "./types";

export interface HookDelivery {
  taskId: string;
  url: string;
  state: string;
  at: string;
  /** HTTP status of the last attempt; null when dropped or unreachable. */
  status: number | null;
  attempts: number;
  dropped: boolean;
  error?: string;
}

interface Pending {
  url: string;
  state: string;
  body: string;
}

const ATTEMPTS = 3;
const TIMEOUT_MS = 5_000;
const LOG_LIMIT = 500;

/**
 * Sends `notify_hook` / `callback_url` POSTs on every state change, and misbehaves on request: repeats,
 * drops, or holds a task's deliveries until it ends and then sends them newest first.
 */
export class HookDispatcher {
  readonly log: HookDelivery[] = [];
  private readonly held = new Map<string, Pending[]>();
  private readonly inflight = new Set<Promise<void>>();
  private readonly stop = new AbortController();

  constructor(
    private readonly faults: () => Faults,
    private readonly random: () => number,
    private readonly bodyFor: (task: TaskRecord) => unknown,
  ) {}

  notify(task: TaskRecord): void {
    if (!task.hookUrl || this.stop.signal.aborted) return;
    const rules = this.faults().hooks;
    const delivery: Pending = {
      url: task.hookUrl,
      state: task.state,
      body: JSON.stringify(this.bodyFor(task)),
    };
    if (rules.dropStates.includes(task.state) || this.random() < rules.dropRate) {
      this.record({
        taskId: task.id,
        url: delivery.url,
        state: delivery.state,
        status: null,
        attempts: 0,
        dropped: true,
      });
      return;
    }
    if (!rules.reorder) {
      this.track(this.deliver(task.id, [delivery], rules.repeat));
      return;
    }
    const queue = [...(this.held.get(task.id) ?? []), delivery];
    if (!isTerminal(task.state)) {
      this.held.set(task.id, queue);
      return;
    }
    this.held.delete(task.id);
    this.track(this.deliver(task.id, queue.reverse(), rules.repeat));
  }

  /** Waits for deliveries under way (tests use it to observe a settled log). */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  close(): void {
    this.stop.abort();
  }

  private track(work: Promise<void>): void {
    this.inflight.add(work);
    void work.finally(() => this.inflight.delete(work));
  }

  private async deliver(taskId: string, queue: Pending[], repeat: number): Promise<void> {
    for (const item of queue) {
      for (let copy = 0; copy < repeat; copy++) await this.post(taskId, item);
    }
  }

  private async post(taskId: string, item: Pending): Promise<void> {
    let status: number | null = null;
    let error: string | undefined;
    let attempts = 0;
    while (attempts < ATTEMPTS && !this.stop.signal.aborted) {
      attempts++;
      try {
        const response = await fetch(item.url, {
          method: "POST",
          headers: { "content-type": "application/json", "user-agent": "luma-simulator-hook" },
          body: item.body,
          signal: AbortSignal.any([this.stop.signal, AbortSignal.timeout(TIMEOUT_MS)]),
        });
        await response.body?.cancel();
        status = response.status;
        error = undefined;
        if (response.ok) break;
      } catch (failure) {
        error = errorMessage(failure);
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * attempts).unref());
    }
    this.record({ taskId, url: item.url, state: item.state, status, attempts, dropped: false, error });
  }

  private record(entry: Omit<HookDelivery, "at">): void {
    this.log.push({ ...entry, at: new Date().toISOString() });
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
  }
}
