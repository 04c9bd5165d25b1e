import { describe, expect, it } from "vitest";
import { DOWNSCALE, encodeAttempts, fitWithin, needsDownscale, outputTypeFor } from "./downscale";
import { DECODE_LIMITS, dimensionProblem } from "./prepare-image";

describe("needsDownscale", () => {
  it("leaves small, light images alone", () => {
    expect(needsDownscale({ width: 1920, height: 1080 }, 800_000)).toBe(false);
    expect(needsDownscale({ width: 2048, height: 2048 }, DOWNSCALE.maxBytes)).toBe(false);
  });

  it("shrinks images past 2048 px on the longest edge or past ~1.5 MB", () => {
    expect(needsDownscale({ width: 4032, height: 3024 }, 900_000)).toBe(true);
    expect(needsDownscale({ width: 1000, height: 2049 }, 10_000)).toBe(true);
    expect(needsDownscale({ width: 1600, height: 1200 }, DOWNSCALE.maxBytes + 1)).toBe(true);
  });
});

describe("fitWithin", () => {
  it("fits a 12-megapixel landscape photo to 2048 px keeping its aspect", () => {
    expect(fitWithin({ width: 4032, height: 3024 }, 2048)).toEqual({ width: 2048, height: 1536 });
  });

  it("fits portraits by their height", () => {
    expect(fitWithin({ width: 3024, height: 4032 }, 2048)).toEqual({ width: 1536, height: 2048 });
  });

  it("never enlarges and never reaches zero", () => {
    expect(fitWithin({ width: 300, height: 200 }, 2048)).toEqual({ width: 300, height: 200 });
    expect(fitWithin({ width: 16000, height: 10 }, 2048)).toEqual({ width: 2048, height: 1 });
  });
});

describe("encodeAttempts", () => {
  it("starts at 2048 px and quality 0.85, then gets lighter at every step", () => {
    const attempts = encodeAttempts({ width: 4032, height: 3024 });
    expect(attempts[0]).toEqual({ width: 2048, height: 1536, quality: 0.85 });
    for (let i = 1; i < attempts.length; i++) {
      const [before, after] = [attempts[i - 1]!, attempts[i]!];
      const lighter =
        after.width * after.height < before.width * before.height || after.quality < before.quality;
      expect(lighter).toBe(true);
      expect(after.width / after.height).toBeCloseTo(4032 / 3024, 2);
    }
  });

  it("keeps a heavy image that is already small at its size first", () => {
    expect(encodeAttempts({ width: 1600, height: 1200 })[0]).toMatchObject({ width: 1600, height: 1200 });
  });
});

describe("outputTypeFor", () => {
  it("re-encodes photos as JPEG and keeps transparency-capable sources in WebP", () => {
    expect(outputTypeFor("image/jpeg")).toBe("image/jpeg");
    expect(outputTypeFor("image/png")).toBe("image/webp");
    expect(outputTypeFor("image/webp")).toBe("image/webp");
  });
});

describe("dimensionProblem", () => {
  it("refuses what the browser should not decode, naming the limit", () => {
    expect(dimensionProblem("huge.png", { width: 20_000, height: 20_000 })).toBe(
      `huge.png is 20000×20000 px; images may be at most ${DECODE_LIMITS.maxSide} px a side and 70 megapixels.`,
    );
    expect(dimensionProblem("tiny.png", { width: 32, height: 500 })).toMatch(/at least 64 px a side/);
    expect(dimensionProblem("photo.jpg", { width: 4032, height: 3024 })).toBeNull();
  });
});
