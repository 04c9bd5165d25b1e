import { beforeEach, describe, expect, it, vi } from "vitest";

interface Shown {
  kind: string;
  message: string;
  options?: { id?: string; onDismiss?: () => void; onAutoClose?: () => void };
}
const shown: Shown[] = [];
vi.mock("sonner", () => {
  const record = (kind: string) => (message: string, options?: Shown["options"]) =>
    shown.push({ kind, message, options });
  return { toast: { success: record("success"), error: record("error"), info: record("info") } };
});

const { notifyCounted, onAnnouncement } = await import("./toast");
/** The toasts are shown once sonner's chunk has loaded (a dynamic import). */
const settle = (count: number) => vi.waitFor(() => expect(shown).toHaveLength(count));
const ready = (count: number) => (count === 1 ? "Your clip is ready." : `${count} clips are ready.`);

describe("notifyCounted", () => {
  beforeEach(() => {
    shown.length = 0;
  });

  it("counts a run of results in one toast and still announces each one", async () => {
    const said: string[] = [];
    const stop = onAnnouncement((sentence) => said.push(sentence));
    for (const name of ["fox", "pier", "kite"]) {
      notifyCounted("success", "ready-run", ready, `Clip ready: “${name}”.`);
    }
    await settle(3);
    stop();
    expect(shown.map((toast) => toast.message)).toEqual([
      "Your clip is ready.",
      "2 clips are ready.",
      "3 clips are ready.",
    ]);
    // The same toast, updated in place.
    expect(new Set(shown.map((toast) => toast.options?.id))).toEqual(new Set(["ready-run"]));
    expect(said).toEqual(["Clip ready: “fox”.", "Clip ready: “pier”.", "Clip ready: “kite”."]);
  });

  it("starts counting again once the toast has gone, timed out or dismissed", async () => {
    notifyCounted("success", "ready-again", ready, "one");
    notifyCounted("success", "ready-again", ready, "two");
    await settle(2);
    shown.at(-1)?.options?.onAutoClose?.();
    notifyCounted("success", "ready-again", ready, "three");
    await settle(3);
    shown.at(-1)?.options?.onDismiss?.();
    notifyCounted("success", "ready-again", ready, "four");
    await settle(4);
    expect(shown.map((toast) => toast.message)).toEqual([
      "Your clip is ready.",
      "2 clips are ready.",
      "Your clip is ready.",
      "Your clip is ready.",
    ]);
  });

  it("keeps kinds apart: failures have their own count", async () => {
    notifyCounted("success", "ready-kinds", ready, "a");
    notifyCounted("error", "failed-kinds", (count) => `${count} failed`, "b");
    await settle(2);
    expect(shown.map((toast) => [toast.kind, toast.message])).toEqual([
      ["success", "Your clip is ready."],
      ["error", "1 failed"],
    ]);
  });
});
