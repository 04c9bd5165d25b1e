import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** Signed keyframe links: one upload each, and only until their signed expiry. */
describe("keyframe links", () => {
  const saved = process.env.SESSION_SECRET;
  beforeAll(async () => {
    process.env.SESSION_SECRET = "unit-keyframe-secret-0123456789abcdef";
    (await import("../env")).resetEnvForTests();
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.SESSION_SECRET;
    else process.env.SESSION_SECRET = saved;
    (await import("../env")).resetEnvForTests();
  });

  const segmentsOf = (link: string) => link.replace("/api/media/keyframe/", "").split("/");

  it("opens its upload until it expires, 24 h after it was made, and never after", async () => {
    const { KEYFRAME_LINK_SECONDS, keyframeKeyOf, keyframeMediaPath } = await import("./access");
    const made = 1_800_000_000_000;
    const link = keyframeMediaPath("uploads/u_1.png", made);
    expect(link).toMatch(/^\/api\/media\/keyframe\/\d{10}\/[\w-]{43}\/uploads\/u_1\.png$/);
    expect(KEYFRAME_LINK_SECONDS).toBe(86_400);
    expect(keyframeKeyOf(segmentsOf(link), made + 23 * 3_600_000)).toBe("uploads/u_1.png");
    expect(keyframeKeyOf(segmentsOf(link), made + 24 * 3_600_000 + 1_000)).toBeNull();
  });

  it("the expiry is signed: stretching it, or naming another file, opens nothing", async () => {
    const { keyframeKeyOf, keyframeMediaPath } = await import("./access");
    const made = 1_800_000_000_000;
    const [expires = "", signature = "", ...key] = segmentsOf(keyframeMediaPath("uploads/u_1.png", made));
    expect(keyframeKeyOf([String(Number(expires) + 86_400), signature, ...key], made)).toBeNull();
    expect(keyframeKeyOf([expires, signature, "uploads", "u_2.png"], made)).toBeNull();
    expect(keyframeKeyOf([expires, signature, "clips", "t_1", "video.mp4"], made)).toBeNull();
    // The old, never-expiring form: a signature where the expiry belongs.
    expect(keyframeKeyOf([signature, ...key], made)).toBeNull();
  });
});
