import { describe, expect, it } from "vitest";
import { pagePolicy, sharePolicy } from "./csp";
import { isPublicPath, safeNext } from "./gate";
import { GuessThrottle } from "./limits";
import { checkBodyType, checkOrigin, checkShareTargetOrigin } from "./request-checks";

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

describe("CSRF: the installed app's share target", () => {
  it("accepts the browser's own share-sheet POST (Sec-Fetch-Site none, Origin null) and our origin", () => {
    expect(checkShareTargetOrigin(post({ "sec-fetch-site": "none", origin: "null" }), null)).toBeNull();
    expect(checkShareTargetOrigin(post({ "sec-fetch-site": "none" }), null)).toBeNull();
    expect(
      checkShareTargetOrigin(
        post({ "sec-fetch-site": "same-origin", origin: "http://studio.local:3000" }),
        null,
      ),
    ).toBeNull();
  });

  it("refuses a form on another site, a sandboxed frame's null origin, and a sibling subdomain", () => {
    expect(checkShareTargetOrigin(post({ "sec-fetch-site": "cross-site", origin: "null" }), null)?.code).toBe(
      "forbidden",
    );
    expect(checkShareTargetOrigin(post({ origin: "null" }), null)?.code).toBe("forbidden");
    expect(checkShareTargetOrigin(post({ "sec-fetch-site": "same-site" }), null)?.code).toBe("forbidden");
    expect(checkShareTargetOrigin(post({ origin: "https://evil.example" }), null)?.code).toBe("forbidden");
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

describe("wrong passcodes per client", () => {
  it("free tries, then a doubling wait; success clears it", () => {
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

  it("100,000 distinct clients keep the map bounded, and a client being throttled now is kept", () => {
    const throttle = new GuessThrottle(5, 10_000);
    const t = 7_000_000;
    for (let i = 0; i < 100_000; i += 1) {
      throttle.failed(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, t + i);
      expect(throttle.size).toBeLessThanOrEqual(10_000);
    }
    for (let i = 0; i < 6; i += 1) throttle.failed("203.0.113.9", t + 100_000);
    expect(throttle.waitFor("203.0.113.9", t + 100_000)).toBe(2);
    expect(throttle.size).toBeLessThanOrEqual(10_000);
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
    ["/manifest.webmanifest", true],
    ["/icons/icon-192.png", true],
    ["/share-target", true],
    ["/share-target/x", false],
  ])("%s public: %s", (path, expected) => {
    expect(isPublicPath(path)).toBe(expected);
  });

  it("keeps a same-origin path, query and fragment, as the URL parser normalises them", () => {
    expect(safeNext("/?q=1")).toBe("/?q=1");
    expect(safeNext("/s/abc#top")).toBe("/s/abc#top");
    expect(safeNext("/a/../b?x=%2F%2Fevil")).toBe("/b?x=%2F%2Fevil");
    // An encoded slash stays encoded: a path segment on this studio, not another host.
    expect(safeNext("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeNext("/%09/evil.example")).toBe("/%09/evil.example");
  });

  it.each([
    "/\t/evil.example", // `next=/%09/evil.example` arrives decoded: the browser drops the tab
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\\/evil.example",
    "/.//evil.example",
    "/./\\evil.example",
    "https://evil.example",
    "HTTPS://evil.example/",
    "http:evil.example",
    "https:/evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "\u0000javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "mailto:a@evil.example",
    "//evil.example@studio",
    "http://[::1]/",
    "",
    undefined,
    null,
  ])("refuses %j and sends the visitor to the studio's front page", (bad) => {
    expect(safeNext(bad)).toBe("/");
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
