import { describe, expect, it } from "vitest";
import {
  clipLength,
  clipRatio,
  clipSeconds,
  durationSeconds,
  modelLabel,
  ratioValue,
} from "./setting-labels";

describe("setting labels", () => {
  it("names models as the form does", () => {
    expect(modelLabel("ray-2")).toBe("Ray 2");
    expect(modelLabel("ray-v2")).toBe("Ray 2");
    expect(modelLabel("ray-flash-2")).toBe("Ray Flash 2");
    expect(modelLabel("photon-flash-1")).toBe("Photon Flash");
    expect(modelLabel("mystery-9")).toBe("mystery-9");
  });

  it("reads durations as seconds", () => {
    expect(durationSeconds("5s")).toBe(5);
    expect(durationSeconds("9 s")).toBe(9);
    expect(durationSeconds("long")).toBeNull();
  });

  it("gives an extension, which asks for no duration, its video's length", () => {
    expect(clipSeconds({ duration: "5s", video: { durationSeconds: 5.04 } })).toBe(5);
    expect(clipSeconds({ duration: null, video: { durationSeconds: 10.04 } })).toBe(10);
    expect(clipSeconds({ duration: null, video: null })).toBeNull();
    expect(clipSeconds({ duration: null, video: { durationSeconds: null } })).toBeNull();
    expect(clipSeconds({ duration: "long", video: { durationSeconds: 5 } })).toBeNull();
  });

  it("shapes a clip by its video, then its ratio, then 16:9", () => {
    expect(ratioValue("9:16")).toBeCloseTo(0.5625);
    expect(ratioValue("wide")).toBeNull();
    expect(clipRatio({ aspectRatio: "1:1", video: { width: 720, height: 1280 } })).toBeCloseTo(0.5625);
    expect(clipRatio({ aspectRatio: "9:16", video: null })).toBeCloseTo(0.5625);
    expect(clipRatio({ aspectRatio: null, video: null })).toBeCloseTo(16 / 9);
  });

  it("writes lengths like a player", () => {
    expect(clipLength(5.2)).toBe("0:05");
    expect(clipLength(62)).toBe("1:02");
  });
});
