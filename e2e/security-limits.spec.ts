import { expect, test } from "@playwright/test";
import { type ExtraStudio, simState } from "./fixtures/extra-studio";
import { PASSCODE, sessionCookie, startPasscodeStudio } from "./fixtures/passcode-studio";

/**
 * Limits a client cannot dodge by inventing its own X-Forwarded-For: the client is the socket's peer
 * unless TRUSTED_PROXIES says which proxy to believe, and studio-wide ceilings hold even then.
 */

test.describe.configure({ mode: "serial" });
test.setTimeout(150_000);

let direct: ExtraStudio;
let proxied: ExtraStudio;
// Signed in first: the guessing below locks sign-in out on purpose.
const sessions = new Map<ExtraStudio, string>();

test.beforeAll(async () => {
  // As reached without a proxy: X-Forwarded-For is the client's own claim.
  direct = await startPasscodeStudio(81, { SUBMIT_RATE_LIMIT: "3" });
  // Behind one proxy: each X-Forwarded-For stands for another client, so only the ceilings hold.
  proxied = await startPasscodeStudio(82, {
    TRUSTED_PROXIES: "1",
    SUBMIT_RATE_LIMIT: "100",
    SUBMIT_RATE_LIMIT_TOTAL: "4",
  });
  for (const studio of [direct, proxied]) sessions.set(studio, await sessionCookie(studio));
});
test.afterAll(async () => {
  await direct?.remove();
  await proxied?.remove();
});

const guess = (studio: ExtraStudio, passcode: string, forwardedFor: string) =>
  fetch(`${studio.url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
    body: JSON.stringify({ passcode }),
  });

const upstreamCreates = async (studio: ExtraStudio) =>
  Object.entries((await simState(studio.url)).counters.routes)
    .filter(([name]) => name.endsWith(".create"))
    .reduce((sum, [, count]) => sum + count, 0);

test("a new X-Forwarded-For gets no fresh passcode tries when no proxy is trusted", async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 8; i += 1) statuses.push((await guess(direct, `guess-${i}`, `198.51.100.${i}`)).status);
  expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
  expect(statuses.slice(5)).toEqual([429, 429, 429]);
});

test("past the studio-wide ceiling even the right passcode from a new client is refused unchecked", async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 110; i += 1) {
    statuses.push((await guess(proxied, `guess-${i}`, `203.0.${i >> 8}.${i & 255}`)).status);
  }
  expect(statuses.filter((status) => status === 401)).toHaveLength(100);
  expect(statuses.slice(100)).toEqual(Array(10).fill(429));
  const owner = await guess(proxied, PASSCODE, "192.0.2.200");
  expect(owner.status).toBe(429);
  expect((await owner.json()).error.message).toMatch(/^Too many wrong passcodes\. Try again in \d+ s\.$/);
  // One line per minute in aggregate, never one per guess.
  expect(proxied.process.output()).not.toMatch(/"message":"wrong passcode"/);
});

test("rotating X-Forwarded-For does not lift the submit limit; the studio-wide one holds behind a proxy", async () => {
  for (const [studio, allowed] of [
    [direct, 3],
    [proxied, 4],
  ] as const) {
    const before = await upstreamCreates(studio);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const answer = await fetch(`${studio.url}/api/generations`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "idempotency-key": `limits-${allowed}-${i}-${Date.now()}`,
          "x-forwarded-for": `198.18.${i}.1`,
          cookie: `luma_session=${sessions.get(studio)}`,
        },
        body: JSON.stringify({ prompt: `Rotating client ${i}`, aspectRatio: "1:1" }),
      });
      statuses.push(answer.status);
    }
    expect(statuses.filter((status) => status === 201)).toHaveLength(allowed);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10 - allowed);
    expect(await upstreamCreates(studio)).toBe(before + allowed);
  }
});
