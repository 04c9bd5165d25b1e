import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isAppError } from "../http/errors";
import { PEER_HEADER } from "./client-identity";

/**
 * Sign-in and sign-out through the studio's own services on an embedded database: the ceiling is
 * checked before any comparison, sign-out ends the session server-side, and failures are logged in
 * aggregate.
 */

const PASSCODE = "unit-passcode-marigold";
const STAMP = "unit-test-stamp";
const holder = globalThis as typeof globalThis & { __lumaPeerStamp?: string };

describe("sign-in and sessions", () => {
  let dir: string;
  let close: () => Promise<void>;
  const names = ["DATABASE_URL", "MEDIA_DIR", "STUDIO_PASSCODE", "SESSION_SECRET", "TRUSTED_PROXIES"];
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "luma-sign-in-"));
    Object.assign(process.env, {
      DATABASE_URL: `pglite:${dir}/db`,
      MEDIA_DIR: `${dir}/media`,
      STUDIO_PASSCODE: PASSCODE,
      SESSION_SECRET: "unit-session-secret-0123456789abcdef",
      // One proxy in front, so each request below can claim its own client through X-Forwarded-For.
      TRUSTED_PROXIES: "1",
    });
    holder.__lumaPeerStamp = STAMP;
    (await import("../env")).resetEnvForTests();
    const open = await (await import("../db")).openStudioDatabase();
    close = () => open.close();
  });
  afterAll(async () => {
    await close?.();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    (await import("../env")).resetEnvForTests();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const attempt = async (passcode: string, client: string) => {
    const { signIn } = await import("./sign-in");
    const request = new Request("http://127.0.0.1/api/session", {
      method: "POST",
      headers: { [PEER_HEADER]: `${STAMP} 127.0.0.1`, "x-forwarded-for": client },
    });
    try {
      return (await signIn(request, passcode)).status;
    } catch (error) {
      if (isAppError(error)) return error.status;
      throw error;
    }
  };
  const withCookie = (value: string) =>
    new Request("http://127.0.0.1/", { headers: { cookie: `luma_session=${value}` } });

  it("sign-out ends the session server-side: the old cookie no longer opens the studio", async () => {
    const { signIn, signOut } = await import("./sign-in");
    const { hasStudioAccess } = await import("./session-store");
    const answer = await signIn(new Request("http://127.0.0.1/api/session", { method: "POST" }), PASSCODE);
    const value = /luma_session=([^;]+)/.exec(answer.headers.get("set-cookie") ?? "")?.[1] ?? "";
    expect(await hasStudioAccess(withCookie(value))).toBe(true);
    expect((await signOut(withCookie(value))).status).toBe(204);
    expect(await hasStudioAccess(withCookie(value))).toBe(false);
  });

  it("another instance stops accepting a revoked cookie within the cache time", async () => {
    const { signIn } = await import("./sign-in");
    const { CACHE_MS, sessionLive } = await import("./session-store");
    const { getDb, schema } = await import("../db");
    const answer = await signIn(new Request("http://127.0.0.1/api/session", { method: "POST" }), PASSCODE);
    const value = /luma_session=([^;]+)/.exec(answer.headers.get("set-cookie") ?? "")?.[1] ?? "";
    const now = Date.now();
    expect(await sessionLive(value, now)).toBe(true);
    // Revoked in the shared database, as another instance's sign-out does.
    await (await getDb()).update(schema.sessions).set({ revokedAt: new Date(now) });
    expect(await sessionLive(value, now + CACHE_MS + 1)).toBe(false);
  });

  it("20 guesses sent at once from one client: only its 5 free tries are compared", async () => {
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(`wrong-${i}`, "192.0.2.50")),
    );
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
  });

  it("past the studio-wide ceiling no passcode is compared, not even the right one; one log line says so", async () => {
    const { CEILING } = await import("./sign-in");
    const lines: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((line: unknown) => {
      lines.push(String(line));
    });
    // Each guess from a new client: the per-client wait never starts, only the ceiling holds.
    const statuses: number[] = [];
    // The test above used 5 of the ceiling's slots.
    const left = CEILING - 5;
    for (let i = 0; i < left + 50; i += 1) {
      statuses.push(await attempt(`wrong-${i}`, `198.51.${i >> 8}.${i & 255}`));
    }
    expect(statuses.slice(0, left).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(left).every((status) => status === 429)).toBe(true);
    expect(await attempt(PASSCODE, "203.0.113.200")).toBe(429);
    expect(lines.filter((line) => line.includes("passcode"))).toEqual([]);
    (globalThis as typeof globalThis & { __lumaGuessReport?: { flush(): void } }).__lumaGuessReport?.flush();
    spy.mockRestore();
    const reported = lines.filter((line) => line.includes("wrong passcodes"));
    expect(reported).toHaveLength(1);
    // Compared: the guesses under the ceiling, plus the two right passcodes of the tests above; refused:
    // the 50 past the ceiling, the owner's, and the 15 parallel ones above.
    expect(JSON.parse(reported[0]!)).toMatchObject({ compared: CEILING + 2, wrong: CEILING, refused: 66 });
  });
});
