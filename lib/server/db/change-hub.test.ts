import { afterEach, describe, expect, it, vi } from "vitest";
import { COALESCE_MS, createChangeHub, isUrgent, SETTLE_MS } from "./change-hub";

const never = () => new AbortController().signal;

describe("change hub", () => {
  it("wakes every waiter once per burst, and remembers a change that came before next()", async () => {
    const hub = createChangeHub();
    const a = hub.subscribe();
    const b = hub.subscribe();
    if (!a || !b) throw new Error("hub refused a waiter");
    const waiting = a.next(10_000, never());
    hub.notify("t_1");
    hub.notify("t_2");
    // b subscribed before the change but asks afterwards: it must not miss it.
    expect(await Promise.all([waiting, b.next(10_000, never())])).toEqual(["change", "change"]);
    expect(await a.next(20, never())).toBe("timeout");
    a.close();
    b.close();
    expect(hub.waiting).toBe(0);
  });

  it("refuses waiters past its bound, so a flood of requests cannot grow it", () => {
    const hub = createChangeHub({ maxWaiters: 2 });
    const first = hub.subscribe();
    expect(hub.subscribe()).not.toBeNull();
    expect(hub.subscribe()).toBeNull();
    first?.close();
    expect(hub.subscribe()).not.toBeNull();
  });

  it("an abort ends the wait at once", async () => {
    const hub = createChangeHub();
    const waiter = hub.subscribe();
    const controller = new AbortController();
    const waiting = waiter?.next(60_000, controller.signal);
    controller.abort();
    expect(await waiting).toBe("aborted");
    expect(await waiter?.next(60_000, controller.signal)).toBe("aborted");
  });

  it("closing answers every waiter at once and takes no new ones (the server is stopping)", async () => {
    const hub = createChangeHub();
    const waiting = hub.subscribe()?.next(60_000, never());
    hub.close();
    expect(await waiting).toBe("closing");
    expect(hub.subscribe()).toBeNull();
  });
});

describe("change hub: coalescing by urgency", () => {
  /** A hand-driven clock and timers, so the 3 s window is checked without waiting 3 s. */
  function setup() {
    vi.useFakeTimers({ now: 1_000_000 });
    const hub = createChangeHub({ now: Date.now });
    const waiter = hub.subscribe();
    if (!waiter) throw new Error("hub refused a waiter");
    return { hub, waiter };
  }
  afterEach(() => {
    vi.useRealTimers();
  });

  async function outcomeAfter(waiting: Promise<string>, ms: number): Promise<string | "pending"> {
    let outcome: string | "pending" = "pending";
    void waiting.then((value) => {
      outcome = value;
    });
    await vi.advanceTimersByTimeAsync(ms);
    return outcome;
  }

  it("answers an urgent change (a clip finished) within the burst window", async () => {
    const { hub, waiter } = setup();
    const waiting = waiter.next(25_000, never());
    await vi.advanceTimersByTimeAsync(500);
    hub.notify("u:t_done");
    expect(await outcomeAfter(waiting, COALESCE_MS)).toBe("change");
    expect(hub.lastUrgentAt).toBe(Date.now() - COALESCE_MS);
  });

  it("holds progress until the request is SETTLE_MS old, gathering every change of the window", async () => {
    const { hub, waiter } = setup();
    const waiting = waiter.next(25_000, never());
    hub.notify("n:t_1");
    await vi.advanceTimersByTimeAsync(1_000);
    hub.notify("n:t_2");
    expect(await outcomeAfter(waiting, SETTLE_MS - 1_000 - 5)).toBe("pending");
    expect(await outcomeAfter(waiting, 10)).toBe("change");
    // The window's changes were all answered: the next wait starts clean.
    expect(await outcomeAfter(waiter.next(100, never()), 100)).toBe("timeout");
  });

  it("an urgent change cuts a held progress wait short", async () => {
    const { hub, waiter } = setup();
    const waiting = waiter.next(25_000, never());
    hub.notify("n:t_progress");
    expect(await outcomeAfter(waiting, 1_000)).toBe("pending");
    hub.notify("u:t_finished");
    expect(await outcomeAfter(waiting, COALESCE_MS)).toBe("change");
  });

  it("progress on a request already open SETTLE_MS is answered at once", async () => {
    const { hub, waiter } = setup();
    const waiting = waiter.next(25_000, never());
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 1_000);
    hub.notify("n:t_progress");
    expect(await outcomeAfter(waiting, COALESCE_MS)).toBe("change");
  });

  it("a change the caller read itself counts like one it heard", async () => {
    const { waiter } = setup();
    const waiting = waiter.next(25_000, never());
    waiter.noteChange(false);
    expect(await outcomeAfter(waiting, SETTLE_MS - 5)).toBe("pending");
    expect(await outcomeAfter(waiting, 10)).toBe("change");
  });

  it("an abort while progress is held clears its timer and answers at once", async () => {
    const { hub, waiter } = setup();
    const controller = new AbortController();
    const waiting = waiter.next(25_000, controller.signal);
    hub.notify("n:t_progress");
    controller.abort();
    expect(await outcomeAfter(waiting, 0)).toBe("aborted");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("without a later urgent change, a held progress wait ends at its own deadline", async () => {
    const { hub, waiter } = setup();
    const waiting = waiter.next(1_000, never());
    hub.notify("n:t_progress");
    expect(await outcomeAfter(waiting, 1_000)).toBe("timeout");
  });

  it("treats a bare id (the older trigger) and a reconnect's empty payload as urgent", () => {
    expect(isUrgent("t_1")).toBe(true);
    expect(isUrgent("")).toBe(true);
    expect(isUrgent("u:t_1")).toBe(true);
    expect(isUrgent("n:t_1")).toBe(false);
  });
});
