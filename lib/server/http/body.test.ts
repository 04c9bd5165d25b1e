import { describe, expect, it } from "vitest";
import { BODY_LIMITS, PROXY_BODY_BYTES } from "./body";

describe("body limits", () => {
  it("the proxy buffers more than any route accepts, so a cut body is still refused (issue 16 point 16)", async () => {
    const file = "../../../next.config.mjs";
    type Config = { experimental?: { proxyClientMaxBodySize?: number } };
    const load = (await import(/* @vite-ignore */ file)).default as (phase: string) => Promise<Config>;
    // The config is a function of the phase: `next start` gets it without the build-only plugin.
    const config = await load("phase-production-server");
    expect(config.experimental?.proxyClientMaxBodySize).toBe(PROXY_BODY_BYTES);
    expect(PROXY_BODY_BYTES).toBeGreaterThan(Math.max(...Object.values(BODY_LIMITS)));
    // The promise in the docs: a 20 MB image fits with its multipart framing.
    expect(BODY_LIMITS.upload).toBeGreaterThan(20 * 1024 * 1024);
  });
});
