import { afterEach, describe, expect, it, vi } from "vitest";
import { copyText } from "./share";

function clipboardThat(writeText: (text: string) => Promise<void>) {
  vi.stubGlobal("navigator", { clipboard: { writeText } });
}

describe("copyText", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("says copied when the browser writes the text", async () => {
    const written: string[] = [];
    clipboardThat(async (text) => {
      written.push(text);
    });
    await expect(copyText("https://studio.example/s/abc")).resolves.toBe(true);
    expect(written).toEqual(["https://studio.example/s/abc"]);
  });

  it("says not copied when the browser refuses", async () => {
    clipboardThat(() => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError")));
    await expect(copyText("x")).resolves.toBe(false);
  });

  it("gives up on a write that never settles, so the link is offered to copy by hand", async () => {
    vi.useFakeTimers();
    clipboardThat(() => new Promise<void>(() => {}));
    const copied = copyText("x", 3000);
    await vi.advanceTimersByTimeAsync(2999);
    let settled = false;
    void copied.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(copied).resolves.toBe(false);
  });
});
