import { describe, expect, it } from "vitest";
import { pagePolicy, sharePolicy } from "./csp";
import { isPublicPath, safeNext } from "./gate";
import { clientKey, GuessThrottle, WindowLimiter } from "./limits";
import { checkBodyType, checkOrigin } from "./request-checks";

// A server sees Content-Length on a request with a body; a Request built here has none until sent.
const post = (headers: Record<string, string>, body: string | null = "{}") =>
  new Request("http://localhost:3000/api/generations", {
    method: "POST",
    headers: {
      host: "studio.local:3000",
      ...(body === null ? {} : { "content-length": String(Buffer.byteLength(body)) }),
      ...headers,
    },
    body,
  });

describe("CSRF: Origin of state-changing requests", () => {
  it("accepts the studio's own origin and PUBLIC_BASE_URL's", () => {
    expect(checkOrigin(post({ origin: "http://studio.local:3000" }), null)).toBeNull();
    expect(
      checkOrigin(post({ origin: "https://studio.example.com" }), "https://studio.example.com"),
    ).toBeNull();
  });

  it("refuses another site's origin, and any cross-site fetch metadata", () => {
    expect(checkOrigin(post({ origin: "https://evil.example" }), null)?.code).toBe("forbidden");
    expect(checkOrigin(post({ origin: "null" }), null)?.code).toBe("forbidden");
    expect(checkOrigin(post({ "sec-fetch-site": "cross-site" }), null)?.code).toBe("forbidden");
  });

  it("lets a non-browser client without Origin through (it has no victim's cookies to ride on)", () => {
    expect(checkOrigin(post({}), null)).toBeNull();
  });

  it("does not check reads", () => {
    const get = new Request("http://localhost/api/generations", {
      headers: { origin: "https://evil.example" },
    });
    expect(checkOrigin(get, null)).toBeNull();
  });
});

describe("body types of state-changing requests", () => {
  it("accepts JSON, multipart and images, and bodiless posts", () => {
    expect(checkBodyType(post({ "content-type": "application/json" }))).toBeNull();
    expect(checkBodyType(post({ "content-type": "multipart/form-data; boundary=x" }))).toBeNull();
    expect(checkBodyType(post({ "content-type": "image/png" }))).toBeNull();
    expect(checkBodyType(post({ "content-length": "0" }, null))).toBeNull();
  });

  it("refuses what an HTML form on another site could send", () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded"]) {
      expect(checkBodyType(post({ "content-type": type }))?.code).toBe("unsupported_media_type");
    }
  });
});

describe("limits", () => {
  it("a window allows N per key, then says how long to wait", () => {
    const limiter = new WindowLimiter(3, 60_000);
    const t = 1_000_000;
    expect([limiter.take("a", t), limiter.take("a", t + 1), limiter.take("a", t + 2)]).toEqual([0, 0, 0]);
    expect(limiter.take("a", t + 10_000)).toBe(50);
    expect(limiter.take("b", t + 10_000)).toBe(0);
    expect(limiter.take("a", t + 60_001)).toBe(0);
  });

  it("wrong passcodes: free tries, then a doubling wait; success clears it", () => {
    const throttle = new GuessThrottle(3, 1000);
    const t = 5_000_000;
    expect([throttle.failed("c", t), throttle.failed("c", t), throttle.failed("c", t)]).toEqual([0, 0, 0]);
    expect(throttle.failed("c", t)).toBe(2);
    expect(throttle.waitFor("c", t + 1_000)).toBe(1);
    expect(throttle.failed("c", t + 2_000)).toBe(4);
    expect(throttle.waitFor("other", t)).toBe(0);
    throttle.succeeded("c");
    expect(throttle.waitFor("c", t + 2_000)).toBe(0);
  });

  it("an instance-wide ceiling holds even when every guess claims another client", () => {
    const throttle = new GuessThrottle(5, 10);
    const t = 9_000_000;
    for (let i = 0; i < 10; i += 1) throttle.failed(`spoofed-${i}`, t);
    expect(throttle.failed("spoofed-new", t)).toBeGreaterThan(0);
  });

  it("the client is the last X-Forwarded-For hop", () => {
    expect(clientKey(new Headers({ "x-forwarded-for": "1.1.1.1, 10.0.0.5" }))).toBe("10.0.0.5");
    expect(clientKey(new Headers())).toBe("unknown");
  });
});

describe("public paths and the sign-in redirect", () => {
  it.each([
    ["/api/health", true],
    ["/s/abc", true],
    ["/api/media/share/t/video.mp4", true],
    ["/api/hooks/luma/t_1.secret", true],
    ["/sign-in", true],
    ["/", false],
    ["/api/generations", false],
    ["/api/media/uploads/u_1.png", false],
    ["/api/media/clips/t_1/video.mp4", false],
    ["/api/uploads", false],
  ])("%s public: %s", (path, expected) => {
    expect(isPublicPath(path)).toBe(expected);
  });

  it("never sends the visitor to another site after sign-in", () => {
    expect(safeNext("/?q=1")).toBe("/?q=1");
    for (const bad of ["//evil.example", "https://evil.example", "/\\evil.example", undefined]) {
      expect(safeNext(bad)).toBe("/");
    }
  });
});

describe("CSP", () => {
  it("pages run only nonce'd scripts and may not be framed", () => {
    const policy = pagePolicy({ nonce: "abc", simulator: true, dev: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("media-src 'self' blob:;");
    expect(pagePolicy({ nonce: "abc", simulator: false, dev: false })).toContain(
      "media-src 'self' blob: https:",
    );
  });

  it("the share page may be framed only as configured", () => {
    expect(sharePolicy({ kind: "none" }, true)).toContain("frame-ancestors 'none'");
    expect(sharePolicy({ kind: "any" }, true)).toContain("frame-ancestors *");
    expect(sharePolicy({ kind: "origins", origins: ["https://blog.example"] }, true)).toContain(
      "frame-ancestors https://blog.example",
    );
    expect(sharePolicy({ kind: "none" }, true)).toContain("default-src 'none'");
  });
});
