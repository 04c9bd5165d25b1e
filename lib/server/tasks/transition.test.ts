import { describe, expect, it } from "vitest";
import { EMPTY_SNAPSHOT_FIELDS } from "@/lib/luma/test-helpers";
import type { UpstreamSnapshot } from "@/lib/luma/types";
import { nextState } from "./transition";

const done = (fields: Partial<UpstreamSnapshot>): UpstreamSnapshot => ({
  ...EMPTY_SNAPSHOT_FIELDS,
  upstreamId: "u1",
  state: "completed",
  rawState: "completed",
  ...fields,
});
const running = { state: "running" as const, upstreamId: "u1", videoUrl: null, errorCode: null };

describe("task transitions", () => {
  it("a clip finishes only with its video; an image only with its picture", () => {
    const posterOnly = done({ thumbnailUrl: "https://cdn.example.com/p.jpg" });
    expect(nextState(running, posterOnly)).toBe("running");
    expect(nextState({ ...running, kind: "image" }, posterOnly)).toBe("completed");
    expect(
      nextState({ ...running, kind: "image" }, done({ videoUrl: "https://cdn.example.com/v.mp4" })),
    ).toBe("running");
    expect(nextState(running, done({ videoUrl: "https://cdn.example.com/v.mp4" }))).toBe("completed");
  });
});
