import { inspect } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRelayClient } from "./relay-client";
import { FRAGMENT_CHARS, redactorFor } from "./secrets";
import { FAST, startServer, type TestServer } from "./test-helpers";
import type { LumaLogLine } from "./types";

/**
 * Issue 16 point 5: an upstream echoed the token altered (base64 of `Bearer <token>`, lower-cased, a
 * 19-character prefix) and each reached the error message, the stored failure reason and the log.
 */

const TOKEN = "sk-LEAK-7Zq9xW2vK4pT8mN3rB6yH1jD";
const b64 = (text: string) => Buffer.from(text).toString("base64");
const b64url = (text: string) => Buffer.from(text).toString("base64url");
const everyPercent = (text: string) =>
  [...Buffer.from(text)].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("");

const ALTERED: Record<string, (auth: string) => string> = {
  base64: (auth) => b64(auth),
  base64url: (auth) => b64url(auth),
  base64Basic: (auth) => b64(`user:${auth.slice(7)}`),
  lower: (auth) => auth.toLowerCase(),
  upper: (auth) => auth.toUpperCase(),
  prefix19: (auth) => auth.slice(7, 7 + 19),
  middle12: (auth) => auth.slice(12, 24),
  percent: (auth) => everyPercent(auth),
  hex: (auth) => Buffer.from(auth).toString("hex"),
};

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    const form = ALTERED[req.url.split(".").at(-1) ?? ""] ?? ((auth: string) => auth);
    const echo = form(String(req.headers.authorization));
    res.writeHead(req.url.includes("snap") ? 200 : 403, { "content-type": "application/json" });
    res.end(
      req.url.includes("snap")
        ? JSON.stringify({ id: req.url.split("/").at(-1), state: "failed", failure_reason: `denied ${echo}` })
        : JSON.stringify({ detail: `forbidden for ${echo}` }),
    );
  });
});
afterAll(() => server.close());

const textsOf = (value: unknown): string => {
  const parts = [inspect(value, { depth: 10, showHidden: true }), JSON.stringify(value) ?? ""];
  if (value instanceof Error) parts.push(value.stack ?? "", textsOf(value.cause));
  return parts.join("\n");
};

describe("an upstream's altered echo of the token", () => {
  it.each(Object.keys(ALTERED))(
    "%s: never reaches the error, the failure reason or the log",
    async (form) => {
      const logged: LumaLogLine[] = [];
      const relay = createRelayClient({
        baseUrl: server.url,
        apiKey: TOKEN,
        ...FAST,
        log: (l) => logged.push(l),
      });
      const thrown = await relay.get(`x.${form}`).then(
        () => null,
        (error: unknown) => error,
      );
      const snapshot = await relay.get(`snap.${form}`);
      expect(thrown).toBeInstanceOf(Error);
      expect(snapshot.failureReason).toContain("[redacted]");
      const echoed = ALTERED[form]!(`Bearer ${TOKEN}`);
      const haystack = [textsOf(thrown), textsOf(snapshot), textsOf(logged)].join("\n");
      expect(haystack).toContain("[redacted]");
      expect(haystack).not.toContain(echoed);
      expect(haystack.toLowerCase()).not.toContain(TOKEN.slice(8, 20).toLowerCase());
    },
  );
});

describe("redactorFor (property)", () => {
  const secret = fc.string({
    unit: fc.constantFrom(..."abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_"),
    minLength: 16,
    maxLength: 64,
  });
  const text = fc.string({ maxLength: 40 });
  const alteration = fc.constantFrom<(token: string, skip: string) => string>(
    (token) => token,
    (token) => token.toLowerCase(),
    (token) => token.toUpperCase(),
    (token, skip) => b64(`${skip}Bearer ${token}`),
    (token, skip) => b64url(`${skip}${token}`),
    (token, skip) => b64(`${skip}${token}`).replace(/=+$/, ""),
    (token) => encodeURIComponent(`Bearer ${token}`),
    (token) => everyPercent(token),
    (token) => Buffer.from(token).toString("hex").toUpperCase(),
  );

  it("removes every altered form of the token, wherever it sits in a text", () => {
    fc.assert(
      fc.property(
        secret,
        text,
        text,
        alteration,
        fc.constantFrom("", "a", "ab"),
        (token, before, after, alter, skip) => {
          const form = alter(token, skip);
          const out = redactorFor([token])(`${before}${form}${after}`);
          expect(out).toContain("[redacted]");
          expect(out).not.toContain(form);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("removes any fragment of 12 or more characters, in any case", () => {
    fc.assert(
      fc.property(secret, text, fc.nat(), fc.nat(), fc.boolean(), (token, around, a, b, upper) => {
        const length = FRAGMENT_CHARS + (b % (token.length - FRAGMENT_CHARS + 1));
        const start = a % (token.length - length + 1);
        const fragment = token.slice(start, start + length);
        const shown = upper ? fragment.toUpperCase() : fragment;
        const out = redactorFor([token])(`${around}${shown}${around}`);
        expect(out.toLowerCase()).not.toContain(fragment.slice(0, FRAGMENT_CHARS).toLowerCase());
      }),
      { numRuns: 400 },
    );
  });

  it("leaves text without the secret alone", () => {
    fc.assert(
      fc.property(
        secret,
        fc.string({ unit: fc.constantFrom(..."!?.,; ~"), maxLength: 60 }),
        (token, other) => {
          expect(redactorFor([token])(other)).toBe(other);
        },
      ),
    );
  });
});
