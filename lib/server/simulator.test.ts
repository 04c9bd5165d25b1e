import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testImage } from "@/lib/simulator/test-kit";
import { resetEnvForTests } from "./env";
import { simulator } from "./simulator";

/**
 * The built-in simulator runs inside the studio's process and downloads keyframe URLs again, after the
 * studio checked them: it must use the SSRF guard too (issue 16 point 3), so a redirect to another
 * loopback port, cloud metadata or an IPv4-mapped address is its 400, and nothing internal is reached.
 */

const TOKEN = "sim-token-for-guard-tests";
const saved = { ...process.env };
let dataDir: string;
let png: Buffer;
/** Stands in for the studio: its signed keyframe path serves an image or redirects (`?to=`). */
let studio: http.Server;
/** An internal service on another loopback port; every request to it is a hit. */
let internal: http.Server;
const hits: string[] = [];
let studioPort = 0;
let internalPort = 0;

function listen(handler: http.RequestListener): Promise<[http.Server, number]> {
  const server = http.createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve([server, (server.address() as AddressInfo).port])),
  );
}

function configure(vars: Record<string, string>) {
  process.env = {
    ...saved,
    LUMA_PROVIDER: "simulator",
    SIMULATOR_TOKEN: TOKEN,
    SIMULATOR_DIR: dataDir,
    // Tasks stay pending for the whole test: nothing renders.
    SIMULATOR_SPEED: "0.01",
    PORT: String(studioPort),
    ...vars,
  };
  if (!("PUBLIC_BASE_URL" in vars)) delete process.env.PUBLIC_BASE_URL;
  resetEnvForTests();
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "luma-mounted-sim-"));
  png = await testImage("testsrc", "64x36");
  [internal, internalPort] = await listen((req, res) => {
    hits.push(req.url ?? "");
    res.writeHead(200, { "content-type": "image/png" }).end(png);
  });
  [studio, studioPort] = await listen((req, res) => {
    const url = new URL(req.url ?? "/", "http://studio");
    const to = url.searchParams.get("to");
    if (!url.pathname.startsWith("/api/media/keyframe/")) hits.push(`studio ${url.pathname}`);
    if (to) return res.writeHead(302, { location: to }).end();
    res.writeHead(200, { "content-type": "image/png" }).end(png);
  });
  configure({});
});

afterAll(async () => {
  await simulator().close();
  delete (globalThis as { __lumaSimulator?: unknown }).__lumaSimulator;
  process.env = { ...saved };
  resetEnvForTests();
  studio.closeAllConnections();
  internal.closeAllConnections();
  await Promise.all([studio, internal].map((server) => new Promise((done) => server.close(done))));
  await rm(dataDir, { recursive: true, force: true });
});

async function create(body: Record<string, unknown>, route = "/luma/generations") {
  const request = new Request(`http://127.0.0.1:${studioPort}/api/simulator${route}`, {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const response = await simulator().handle(request, "/api/simulator");
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const keyframe = (to?: string) =>
  `http://127.0.0.1:${studioPort}/api/media/keyframe/sig/uploads/a.png${to ? `?to=${encodeURIComponent(to)}` : ""}`;

describe("the mounted simulator fetches keyframes through the SSRF guard", () => {
  it.each([
    ["a redirect to another loopback port", () => keyframe(`http://127.0.0.1:${internalPort}/admin`)],
    ["a redirect to a name that resolves to loopback", () => keyframe(`http://localhost:${internalPort}/`)],
    ["a redirect to cloud metadata", () => keyframe("http://169.254.169.254/latest/meta-data/")],
    ["a redirect to IPv4-mapped loopback", () => keyframe(`http://[::ffff:127.0.0.1]:${internalPort}/`)],
    [
      "a redirect to the studio's own API",
      () => keyframe(`http://127.0.0.1:${studioPort}/api/simulator/_sim/state`),
    ],
    ["another loopback port directly", () => `http://127.0.0.1:${internalPort}/image.png`],
    ["the studio's own port outside keyframe media", () => `http://127.0.0.1:${studioPort}/api/health`],
  ])("refuses %s with its 400 and the guard's reason, reaching nothing", async (_name, url) => {
    hits.length = 0;
    const answer = await create({ user_prompt: "cat", image_url: url() });
    expect(answer.status).toBe(400);
    expect(String(answer.body.detail)).toMatch(
      /^image_url: could not fetch image \(.+ (is|points at|connected to) a private or local address\)$/,
    );
    expect(hits).toEqual([]);
  });

  it("refuses the same on the official API's keyframes", async () => {
    hits.length = 0;
    const answer = await create(
      {
        prompt: "cat",
        model: "ray-2",
        keyframes: { frame0: { type: "image", url: keyframe(`http://127.0.0.1:${internalPort}/`) } },
      },
      "/dream-machine/v1/generations",
    );
    expect(answer.status).toBe(400);
    expect(String(answer.body.detail)).toContain("keyframes.frame0.url: could not fetch image (");
    expect(hits).toEqual([]);
  });

  it("still fetches the studio's own signed keyframe on loopback", async () => {
    const answer = await create({ user_prompt: "cat", image_url: keyframe() });
    expect(answer.status).toBe(200);
    expect(answer.body.state).toBe("pending");
  });

  it("still fetches a signed keyframe under PUBLIC_BASE_URL on a private address", async () => {
    configure({ PORT: "1", PUBLIC_BASE_URL: `http://LOCALHOST:${studioPort}` });
    try {
      const url = `http://localhost:${studioPort}/api/media/keyframe/sig/uploads/a.png`;
      expect((await create({ user_prompt: "cat", image_url: url })).status).toBe(200);
      // The same host outside keyframe media is not trusted.
      const other = await create({ user_prompt: "cat", image_url: `http://localhost:${studioPort}/api/x` });
      expect(other.status).toBe(400);
    } finally {
      configure({});
    }
  });
});
