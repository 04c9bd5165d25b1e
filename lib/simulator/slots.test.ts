import { describe, expect, it } from "vitest";
import { Slots } from "./slots";

describe("render slots", () => {
  it("lets one holder in at a time, in order, and skips a waiter that gave up", async () => {
    const slots = new Slots(1);
    const order: string[] = [];
    const first = await slots.acquire();
    const gaveUp = new AbortController();
    const abandoned = slots.acquire(gaveUp.signal);
    const second = slots.acquire().then((release) => {
      order.push("second");
      return release;
    });
    gaveUp.abort(new Error("task deleted"));
    await expect(abandoned).rejects.toThrow("task deleted");
    expect(order).toEqual([]);
    first();
    first(); // a second release of the same slot frees nothing more
    const release = await second;
    expect(order).toEqual(["second"]);
    let third = false;
    const waiting = slots.acquire().then(() => {
      third = true;
    });
    await Promise.resolve();
    expect(third).toBe(false);
    release();
    await waiting;
    expect(third).toBe(true);
  });
});
