import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "./env";
import {
  browserUrl,
  hookBaseUrl,
  mediaAuthFor,
  mediaOnOtherOrigins,
  ownKeyframePrefixes,
  servedByStudio,
  upstreamConnection,
  upstreamOrigin,
} from "./upstream-link";

const saved = { ...process.env };

function configure(vars: Record<string, string>) {
  process.env = { ...saved, PORT: "3000", ...vars };
  if (!("PUBLIC_BASE_URL" in vars)) delete process.env.PUBLIC_BASE_URL;
  resetEnvForTests();
}
const simulator = () => configure({ LUMA_PROVIDER: "simulator", SIMULATOR_TOKEN: "sim-token-123456" });
const relay = (vars: Record<string, string> = {}) =>
  configure({ LUMA_PROVIDER: "relay", LUMA_API_KEY: "k", LUMA_BASE_URL: "http://localhost:3000", ...vars });

describe("browserUrl", () => {
  afterEach(() => {
    process.env = { ...saved };
    resetEnvForTests();
  });

  it("makes the simulator's loopback links relative to the studio", () => {
    process.env = { ...saved, LUMA_PROVIDER: "simulator", PORT: "3000" };
    resetEnvForTests();
    for (const host of ["localhost", "127.0.0.1", "[::1]"]) {
      expect(browserUrl(`http://${host}:3000/api/simulator/media/a/video.mp4?sig=1`)).toBe(
        "/api/simulator/media/a/video.mp4?sig=1",
      );
    }
  });

  it("leaves other links alone", () => {
    process.env = { ...saved, LUMA_PROVIDER: "simulator", PORT: "3000" };
    resetEnvForTests();
    expect(browserUrl("http://localhost:4000/api/simulator/media/a.mp4")).toBe(
      "http://localhost:4000/api/simulator/media/a.mp4",
    );
    expect(browserUrl("https://cdn.example.com/api/simulator/x.mp4")).toBe(
      "https://cdn.example.com/api/simulator/x.mp4",
    );
    expect(browserUrl("http://localhost:3000/api/media/x.mp4")).toBe("http://localhost:3000/api/media/x.mp4");
  });

  it("never rewrites a real provider's links", () => {
    process.env = {
      ...saved,
      LUMA_PROVIDER: "relay",
      LUMA_API_KEY: "k",
      LUMA_BASE_URL: "http://localhost:3000",
      PORT: "3000",
    };
    resetEnvForTests();
    expect(browserUrl("http://localhost:3000/api/simulator/media/a.mp4")).toBe(
      "http://localhost:3000/api/simulator/media/a.mp4",
    );
  });
});

describe("the upstream link: the one place that knows the simulator is special", () => {
  afterEach(() => {
    process.env = { ...saved };
    resetEnvForTests();
  });

  it("connects to the built-in simulator with the relay format, on loopback, with its own token", () => {
    simulator();
    expect(upstreamConnection()).toEqual({
      kind: "relay",
      baseUrl: "http://127.0.0.1:3000/api/simulator",
      apiKey: "sim-token-123456",
    });
    expect(upstreamOrigin()).toBe("http://127.0.0.1:3000");
    relay({ LUMA_BASE_URL: "https://relay.example.com/v1" });
    expect(upstreamConnection()).toEqual({
      kind: "relay",
      baseUrl: "https://relay.example.com/v1",
      apiKey: "k",
    });
    expect(upstreamOrigin()).toBe("https://relay.example.com");
  });

  it("with SIMULATOR_API=official speaks the Dream Machine format to the same simulator", () => {
    configure({ LUMA_PROVIDER: "simulator", SIMULATOR_TOKEN: "sim-token-123456", SIMULATOR_API: "official" });
    expect(upstreamConnection()).toEqual({
      kind: "official",
      baseUrl: "http://127.0.0.1:3000/api/simulator/dream-machine/v1",
      apiKey: "sim-token-123456",
    });
    expect(upstreamOrigin()).toBe("http://127.0.0.1:3000");
  });

  it("sends webhooks to PUBLIC_BASE_URL, to loopback for the simulator, and nowhere otherwise", () => {
    simulator();
    expect(hookBaseUrl()).toBe("http://127.0.0.1:3000");
    relay();
    expect(hookBaseUrl()).toBeNull();
    relay({ PUBLIC_BASE_URL: "https://studio.example.com" });
    expect(hookBaseUrl()).toBe("https://studio.example.com");
  });

  it("gives the simulator's token to its own media links only", () => {
    simulator();
    const own = "http://127.0.0.1:3000/api/simulator/media/a/video.mp4";
    expect(mediaAuthFor(own)).toEqual({ authorization: "Bearer sim-token-123456" });
    expect(mediaAuthFor("http://localhost:3000/api/simulator/media/a.jpg").authorization).toBeDefined();
    for (const other of [
      "http://127.0.0.1:3001/api/simulator/media/a/video.mp4",
      "http://10.0.0.5:3000/api/simulator/media/a/video.mp4",
      "https://cdn.example.com/api/simulator/media/a/video.mp4",
      "http://127.0.0.1:3000/api/media/clips/a/video.mp4",
    ]) {
      expect(mediaAuthFor(other), other).toEqual({});
    }
    relay();
    expect(mediaAuthFor(own)).toEqual({});
  });

  it("says which links the studio serves itself, and where media may come from", () => {
    simulator();
    expect(servedByStudio("http://localhost:3000/api/simulator/media/a/video.mp4")).toBe(true);
    expect(servedByStudio("https://cdn.example.com/a.mp4")).toBe(false);
    expect(mediaOnOtherOrigins()).toBe(false);
    relay();
    expect(servedByStudio("http://localhost:3000/api/simulator/media/a/video.mp4")).toBe(false);
    expect(mediaOnOtherOrigins()).toBe(true);
  });

  it("lets the in-process simulator reach private addresses only for the studio's keyframe media", () => {
    simulator();
    expect(ownKeyframePrefixes()).toEqual([
      "http://127.0.0.1:3000/api/media/keyframe/",
      "http://localhost:3000/api/media/keyframe/",
      "http://[::1]:3000/api/media/keyframe/",
    ]);
    configure({ LUMA_PROVIDER: "simulator", PUBLIC_BASE_URL: "https://Studio.Example:443/luma/" });
    expect(ownKeyframePrefixes()[0]).toBe("https://studio.example/luma/api/media/keyframe/");
  });
});

describe("no module but the seam checks for the simulator", () => {
  const ROOT = path.resolve(import.meta.dirname, "../..");
  // The seam itself, the simulator and its mount, and configuration (which names the provider and scrubs its token).
  const KNOWS_THE_SIMULATOR = new Set([
    "lib/server/upstream-link.ts",
    "lib/server/simulator-link.ts",
    "lib/server/simulator.ts",
    "lib/server/env-schema.ts",
    "lib/server/log.ts",
    "app/api/simulator/[...path]/route.ts",
  ]);
  const SPECIAL_CASE =
    /kind\s*[!=]==\s*"simulator"|"simulator"\s*[!=]==|simulatorEnabled\(|from\s+"[^"]*simulator-link"/;

  it("finds no provider-kind check or simulator-link import anywhere else in the server", () => {
    const files = ["lib/server", "app", "components"].flatMap((dir) =>
      readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
        .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
        .map((file) => path.join(dir, file).split(path.sep).join("/")),
    );
    const leaks = [...files, "proxy.ts"].filter(
      (file) =>
        !KNOWS_THE_SIMULATOR.has(file) && SPECIAL_CASE.test(readFileSync(path.join(ROOT, file), "utf8")),
    );
    expect(leaks, "ask lib/server/upstream-link.ts instead").toEqual([]);
  });
});
