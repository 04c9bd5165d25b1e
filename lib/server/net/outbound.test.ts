import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every outbound request to a URL from outside goes through net/safe-fetch.ts (issue 16 point 3). Only
 * two modules may open connections themselves: the guard, and the upstream API client, which calls the
 * configured base URL and nothing an answer names. A new fetch() anywhere else fails this test.
 */

const ROOT = path.resolve(import.meta.dirname, "../../..");
const ALLOWED = new Set([
  "lib/server/net/safe-fetch.ts",
  "lib/luma/http.ts",
  // Adds headers to the server's own responses (ServerResponse); opens no connection.
  "lib/server/http/default-headers.ts",
  // Stamps the socket's address on the server's own incoming requests (http.Server); opens no connection.
  "lib/server/security/peer-stamp.ts",
]);
const OUTBOUND = [
  /(?<![\w.$])fetch\(/, // global fetch(...)
  /(?<!typeof\s+)\bglobalThis\s*\.\s*fetch\b/,
  /\bfrom\s+["'](?:node:)?(?:http|https|http2)["']/,
  /\brequire\(\s*["'](?:node:)?(?:http|https|http2|net|tls)["']\s*\)/,
  /\b(?:net|tls)\.connect\(|\bcreateConnection\(/,
  /\bfrom\s+["']undici["']/,
  /\bnew\s+WebSocket\b/,
];

/**
 * The simulator stays free of lib/server (it also runs standalone), so it cannot call the guard itself;
 * the studio injects it (SimulatorOptions.fetchKeyframe). Its own outbound code is therefore limited to
 * the standalone default keyframe fetcher and its webhook sender, which posts only to the hook URL the
 * bearer-holding caller (for the mounted simulator: the studio itself, `hookBaseUrl()`) names.
 */
const SIMULATOR_ALLOWED = new Set([
  "lib/simulator/keyframe-fetch.ts",
  "lib/simulator/hooks.ts",
  // Listens (createServer) for the standalone simulator; opens no connection.
  "lib/simulator/server.ts",
]);

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sources(relative);
    const code = /\.(ts|tsx|mts)$/.test(entry.name);
    const test = /\.test\.|test-helpers|test-kit/.test(entry.name);
    return code && !test ? [relative] : [];
  });
}

const outbound = (file: string) => {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8").replace(/^\s*(\*|\/\/).*$/gm, "");
  return OUTBOUND.some((pattern) => pattern.test(text));
};

describe("outbound requests", () => {
  const files = [...sources("lib/server"), ...sources("lib/luma")];

  it("finds the modules it checks", () => {
    expect(files).toContain("lib/server/net/safe-fetch.ts");
    expect(files.length).toBeGreaterThan(50);
  });

  it("are only made by the SSRF guard and the upstream API client", () => {
    const offenders = files.filter((file) => {
      if (ALLOWED.has(file)) return false;
      return outbound(file);
    });
    expect(offenders).toEqual([]);
  });
});

describe("outbound requests in the simulator", () => {
  const files = sources("lib/simulator");

  it("are made only by its default keyframe fetcher and its webhook sender", () => {
    expect(files).toContain("lib/simulator/keyframe-fetch.ts");
    expect(files.filter((file) => !SIMULATOR_ALLOWED.has(file) && outbound(file))).toEqual([]);
  });

  it("download keyframes only through the fetcher the simulator was given", () => {
    const plainFetchers = files.filter((file) =>
      /(?<![\w.$])fetch\(/.test(fs.readFileSync(path.join(ROOT, file), "utf8")),
    );
    expect(plainFetchers.sort()).toEqual(["lib/simulator/hooks.ts", "lib/simulator/keyframe-fetch.ts"]);
    const keyframes = fs.readFileSync(path.join(ROOT, "lib/simulator/keyframes.ts"), "utf8");
    expect(keyframes).not.toContain("plainKeyframeFetch");
    const mounted = fs.readFileSync(path.join(ROOT, "lib/server/simulator.ts"), "utf8");
    expect(mounted).toMatch(/fetchKeyframe: guardedKeyframeFetch/);
  });
});
