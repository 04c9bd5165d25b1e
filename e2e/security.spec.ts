import { type Browser, expect, test } from "@playwright/test";
import { getTask, share, storedClip } from "./fixtures/clips";
import { createForm } from "./fixtures/create-form";
import { type ExtraStudio, SIM_TOKEN, simState } from "./fixtures/extra-studio";
import { openStudio } from "./fixtures/gallery";
import { solidPng } from "./fixtures/images";
import { PASSCODE, sessionCookie, signedInApi, startPasscodeStudio } from "./fixtures/passcode-studio";
import { expectPlays } from "./fixtures/playback";

/**
 * A studio with a passcode: everything but health, share pages and their media, webhooks, the signed
 * keyframe links and the simulator (with its token) needs the session; sign-in is throttled; submits
 * are rate-limited before anything goes upstream; cross-site posts are refused.
 */

let studio: ExtraStudio;
const SUBMIT_LIMIT = 4;

test.describe.configure({ mode: "serial" });
test.setTimeout(150_000);

test.beforeAll(async () => {
  // Behind one proxy (TRUSTED_PROXIES=1): the throttle test below names its own client by X-Forwarded-For.
  studio = await startPasscodeStudio(71, { SUBMIT_RATE_LIMIT: String(SUBMIT_LIMIT), TRUSTED_PROXIES: "1" });
});
test.afterAll(async () => {
  await studio?.remove();
});

const upstreamCreates = async () =>
  Object.entries((await simState(studio.url)).counters.routes)
    .filter(([name]) => name.endsWith(".create"))
    .reduce((sum, [, count]) => sum + count, 0);

async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

/** A new browser holding a valid session cookie, as after signing in. */
async function signedInPage(browser: Browser) {
  const fresh = await freshPage(browser);
  await fresh.context.addCookies([
    { name: "luma_session", value: await sessionCookie(studio), url: studio.url },
  ]);
  return fresh;
}

test("without the session every studio page and API answers 401 or goes to sign-in", async () => {
  const get = (path: string, init: RequestInit = {}) =>
    fetch(`${studio.url}${path}`, { redirect: "manual", ...init });
  const page = await get("/");
  expect(page.status).toBe(303);
  const location = (answer: Response) => new URL(answer.headers.get("location") ?? "", studio.url).toString();
  expect(location(page)).toBe(`${studio.url}/sign-in`);
  const deep = await get("/?q=fox");
  expect(location(deep)).toBe(`${studio.url}/sign-in?next=%2F%3Fq%3Dfox`);

  const json = { "content-type": "application/json" };
  const closed: [string, string][] = [
    ["GET", "/api/generations"],
    ["POST", "/api/generations"],
    ["GET", "/api/generations/changes"],
    ["GET", "/api/generations/t_aaaaaaaaaaaaaaaaaaaaaa"],
    ["DELETE", "/api/generations/t_aaaaaaaaaaaaaaaaaaaaaa"],
    ["POST", "/api/generations/t_aaaaaaaaaaaaaaaaaaaaaa/extend"],
    ["POST", "/api/generations/t_aaaaaaaaaaaaaaaaaaaaaa/continue"],
    ["POST", "/api/generations/t_aaaaaaaaaaaaaaaaaaaaaa/refresh"],
    ["POST", "/api/generations/t_aaaaaaaaaaaaaaaaaaaaaa/share"],
    ["GET", "/api/generations/t_aaaaaaaaaaaaaaaaaaaaaa/family"],
    ["GET", "/api/generations/t_aaaaaaaaaaaaaaaaaaaaaa/download"],
    ["POST", "/api/uploads"],
    ["GET", "/api/media/uploads/u_aaaaaaaaaaaa.png"],
    ["GET", "/api/media/clips/t_aaaaaaaaaaaaaaaaaaaaaa/video.mp4"],
    ["GET", "/api/media/keyframe/forged-signature-forged-signature-forged-sig/uploads/u_a.png"],
    ["GET", "/api/simulator/_sim/state"],
    ["GET", "/api/simulator/luma/generations"],
    ["GET", "/api/no-such-route"],
  ];
  for (const [method, path] of closed) {
    const answer = await get(path, { method, headers: json, body: method === "POST" ? "{}" : undefined });
    expect([401, 404], `${method} ${path}`).toContain(answer.status);
    if (!path.includes("keyframe")) {
      expect(answer.status, `${method} ${path}`).toBe(401);
      expect((await answer.json()).error.code).toBe("unauthorized");
    }
  }
  expect((await get("/api/health")).status).toBe(200);
  expect((await get("/sign-in")).status).toBe(200);
  // The simulator still answers the studio itself, which calls it with its bearer token.
  expect(
    (await get("/api/simulator/_sim/state", { headers: { authorization: `Bearer ${SIM_TOKEN}` } })).status,
  ).toBe(200);
});

test("sign in by keyboard: a wrong passcode is said, the right one opens the studio", async ({ browser }) => {
  const { context, page } = await freshPage(browser);
  await page.goto(studio.url);
  await expect(page).toHaveURL(`${studio.url}/sign-in`);
  const field = page.getByLabel("Passcode");
  await expect(field).toBeFocused();
  await page.screenshot({ path: "test-results/artifacts/sign-in.png" });
  await page.keyboard.type("not the passcode");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
    "That passcode is not right. Check it and try again.",
  );
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await page.setViewportSize({ width: 375, height: 720 });
  await page.screenshot({ path: "test-results/artifacts/sign-in-375.png" });
  await field.fill(PASSCODE);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Luma Studio" })).toBeVisible();
  await expect(createForm(page).prompt).toBeVisible();
  const [cookie] = await context.cookies();
  expect(cookie).toMatchObject({ name: "luma_session", httpOnly: true, sameSite: "Lax", secure: false });
  expect(cookie?.value).not.toContain(PASSCODE);
  // A signed-in studio with a passcode shows no "open studio" warning.
  await expect(page.getByRole("note", { name: "Security warning" })).toHaveCount(0);
  await context.close();
});

test("after sign-in the studio works: keyframes reach the upstream by signed link, shares play for anyone", async ({
  browser,
}) => {
  const api = await signedInApi(studio);
  const png = await solidPng("start.png", { r: 30, g: 90, b: 200 });
  const uploaded = await api.post("/api/uploads", {
    headers: { "content-type": "image/png" },
    data: png.buffer,
  });
  expect(uploaded.status()).toBe(201);
  const upload = (await uploaded.json()) as { id: string; url: string };
  expect((await fetch(`${studio.url}${upload.url}`)).status).toBe(401);

  const created = await api.post("/api/generations", {
    headers: { "idempotency-key": "security-keyframe-0001" },
    data: {
      prompt: "A lantern on a pier at night",
      aspectRatio: "16:9",
      startFrame: { uploadId: upload.id },
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  // The simulator fetched the keyframe without a session, through the signed link, and rendered the clip.
  await expect.poll(async () => (await getTask(api, id)).state, { timeout: 90_000 }).toBe("completed");
  const sent = await fetch(
    `${studio.url}/api/simulator/luma/generations/${(await getTask(api, id)).upstreamId}`,
    {
      headers: { authorization: `Bearer ${SIM_TOKEN}` },
    },
  );
  const keyframeUrl = JSON.stringify(await sent.json()).match(/http:[^"]*\/api\/media\/keyframe\/[^"]+/)?.[0];
  expect(keyframeUrl).toBeTruthy();
  const signed = await fetch(keyframeUrl!);
  expect(signed.status).toBe(200);
  expect(signed.headers.get("content-type")).toContain("image/");
  const forged = await fetch(
    keyframeUrl!.replace(/keyframe\/[^/]+/, "keyframe/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
  );
  expect(forged.status).toBe(404);

  const clip = await storedClip(api, "A paper crane unfolding, studio light");
  const link = await share(api, clip.id);
  const { context, page } = await freshPage(browser);
  const answer = await page.goto(`${studio.url}/s/${link.token}`);
  expect(answer?.status()).toBe(200);
  await expectPlays(page);
  expect((await page.request.get(`${studio.url}/api/media/share/${link.token}/poster.jpg`)).status()).toBe(
    200,
  );
  expect((await page.request.get(`${studio.url}${clip.video!.url}`)).status()).toBe(401);
  expect(await context.cookies()).toEqual([]);
  await context.close();
  await api.dispose();
});

test("a cross-site POST or a form-encoded body is refused before anything happens", async () => {
  const api = await signedInApi(studio);
  const before = await upstreamCreates();
  const evil = await api.post("/api/generations", {
    headers: { origin: "https://evil.example", "idempotency-key": "security-csrf-0001" },
    data: { prompt: "should never start" },
  });
  expect(evil.status()).toBe(403);
  expect((await evil.json()).error.code).toBe("forbidden");
  const form = await api.post("/api/generations", {
    headers: { "content-type": "text/plain" },
    data: JSON.stringify({ prompt: "should never start" }),
  });
  expect(form.status()).toBe(415);
  const signInFromElsewhere = await fetch(`${studio.url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: "https://evil.example" },
    body: JSON.stringify({ passcode: PASSCODE }),
  });
  expect(signInFromElsewhere.status).toBe(403);
  expect(signInFromElsewhere.headers.get("set-cookie")).toBeNull();
  expect(await upstreamCreates()).toBe(before);
  await api.dispose();
});

test("the submit rate limit answers 429 with when to retry, the form says so, and nothing goes upstream", async ({
  browser,
}) => {
  const api = await signedInApi(studio);
  const statuses: number[] = [];
  for (let i = 0; i < SUBMIT_LIMIT + 2; i += 1) {
    const answer = await api.post("/api/generations", {
      headers: { "idempotency-key": `security-rate-${i}-${Date.now()}` },
      data: { prompt: `Rate limit probe ${i}`, aspectRatio: "1:1" },
    });
    statuses.push(answer.status());
    if (answer.status() === 429) {
      const body = await answer.json();
      expect(body.error.code).toBe("rate_limited");
      expect(body.error.retryAfterSeconds).toBeGreaterThan(0);
      expect(answer.headers()["retry-after"]).toBe(String(body.error.retryAfterSeconds));
      expect(body.error.message).toMatch(/try again in \d+ s/);
    }
  }
  expect(statuses).toContain(429);
  const before = await upstreamCreates();

  const { context, page } = await signedInPage(browser);
  // Typed only once React has hydrated: earlier, hydration resets the prompt on a busy machine.
  await openStudio(page, studio.url);
  const form = createForm(page);
  await form.prompt.fill("One clip too many");
  await form.generate.click();
  await expect(form.region.getByRole("alert")).toContainText(
    /Too many clips started in the last minute; try again in \d+ s/,
  );
  await expect(form.prompt).toHaveValue("One clip too many");
  expect(await upstreamCreates()).toBe(before);
  await context.close();
  await api.dispose();
});

test("guessing the passcode is throttled per client, with how long to wait", async () => {
  // Its own client (the entry the trusted proxy appended), so the other tests' sign-ins are not affected.
  const attempt = (passcode: string) =>
    fetch(`${studio.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.77" },
      body: JSON.stringify({ passcode }),
    });
  const statuses: number[] = [];
  for (let i = 0; i < 5; i += 1) statuses.push((await attempt(`guess-${i}`)).status);
  expect(statuses).toEqual([401, 401, 401, 401, 401]);
  const throttled = await attempt("guess-6");
  expect(throttled.status).toBe(429);
  const body = await throttled.json();
  expect(body.error.message).toMatch(/^Too many wrong passcodes\. Try again in \d+ s\.$/);
  // While throttled even the right passcode waits, so guessing cannot be sped up.
  expect((await attempt(PASSCODE)).status).toBe(429);
  // Another client is not held back.
  const other = await fetch(`${studio.url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.4" },
    body: JSON.stringify({ passcode: PASSCODE }),
  });
  expect(other.status).toBe(204);
  await expect.poll(async () => (await attempt(PASSCODE)).status, { timeout: 10_000 }).toBe(204);
});

test("after sign-in only a path on this studio is opened, however the next link is disguised", async ({
  browser,
}) => {
  const { context, page } = await freshPage(browser);
  // The browser would read `/<tab>/evil.example` as `//evil.example`: another site.
  await page.goto(`${studio.url}/sign-in?next=/%09/evil.example`);
  await page.getByLabel("Passcode").fill(PASSCODE);
  await page.getByLabel("Passcode").press("Enter");
  // The sign-in page shows the same heading: wait for the studio's own address instead.
  await expect(page).toHaveURL(`${studio.url}/`);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await context.close();
});

test("Sign out ends the session: the studio goes back to sign-in, and the header fits a phone", async ({
  browser,
}) => {
  const { context, page } = await signedInPage(browser);
  const oldCookie = (await context.cookies(studio.url))[0]?.value;
  expect(oldCookie).toBeTruthy();
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(studio.url);
  const signOut = page.getByRole("button", { name: "Sign out" });
  await expect(signOut).toBeVisible();
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/artifacts/signed-in-header-375.png" });
  await signOut.click();
  await expect(page).toHaveURL(`${studio.url}/sign-in`);
  expect(await context.cookies(studio.url)).toEqual([]);
  await page.goto(studio.url);
  await expect(page).toHaveURL(`${studio.url}/sign-in`);
  // The cookie the browser just dropped is dead on the server too: a copy of it opens nothing.
  const replayed = { headers: { cookie: `luma_session=${oldCookie}` }, redirect: "manual" } as const;
  expect((await fetch(`${studio.url}/api/generations`, replayed)).status).toBe(401);
  expect((await fetch(`${studio.url}/`, replayed)).status).toBe(303);
  await context.close();
});
