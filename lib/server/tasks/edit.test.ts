import { describe, expect, it } from "vitest";
import { boundsOf } from "./edit";

describe("reframe placement as the upstream's pixel bounds", () => {
  const landscape = { width: null, height: null, aspectRatio: "16:9", resolution: "540p" };

  it("puts a 16:9 clip on a 9:16 canvas that keeps its short side", () => {
    // 960×540 → a 540×960 canvas; the clip fitted across it is 540×304, centred.
    const fitted = { x: 0, y: (1 - 0.31640625) / 2, width: 1, height: 0.31640625 };
    expect(boundsOf(landscape, { aspectRatio: "9:16", placement: fitted })).toEqual({
      xStart: 0,
      xEnd: 540,
      yStart: 328,
      yEnd: 632,
    });
  });

  it("uses the video's own size when known, and keeps the bounds on the canvas", () => {
    const source = { width: 1280, height: 720, aspectRatio: "16:9", resolution: "720p" };
    const bounds = boundsOf(source, {
      aspectRatio: "1:1",
      placement: { x: 0.9, y: -0.2, width: 0.5, height: 0.28 },
    });
    expect(bounds).toEqual({ xStart: 648, xEnd: 720, yStart: 0, yEnd: 58 });
    expect(boundsOf(source, { aspectRatio: "1:1" })).toBeUndefined();
  });
});
