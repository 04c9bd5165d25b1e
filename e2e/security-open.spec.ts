import { expect, test } from "@playwright/test";
import { startExtraStudio } from "./fixtures/extra-studio";
import { upstreamCreates } from "./fixtures/studio-api";

/** The open studio (no passcode, the suite's own server): security headers, CSP, keyframe URL guard. */

test("every answer carries the security headers, and the studio runs under its CSP without a violation", async ({
  page,
  request,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const answer = await page.goto("/");
  const headers = answer!.headers();
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(headers).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "same-origin" });
  // Next put this request's nonce on its scripts; the app is interactive, so they ran.
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  await expect(
    page.getByRole("region", { name: "Create" }).getByRole("textbox", { name: "Prompt" }),
  ).toBeEditable();
  const second = (await request.get("/")).headers()["content-security-policy"];
  expect(second).not.toBe(csp);
  expect(violations).toEqual([]);

  for (const path of [
    "/api/health",
    "/api/generations",
    "/s/AAAAAAAAAAAAAAAAAAAAAAAA",
    "/api/media/share/x/video.mp4",
  ]) {
    const api = (await request.get(path)).headers();
    expect(api["x-content-type-options"], path).toBe("nosniff");
    expect(api["content-security-policy"], path).toContain("default-src 'none'");
    expect(api["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }
});

test("a keyframe URL on a private or local address is refused before anything goes upstream", async ({
  request,
}) => {
  const before = await upstreamCreates(request);
  for (const url of [
    "http://127.0.0.1:9/kite.png",
    "http://10.0.0.7/kite.png",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]:9/kite.png",
    "http://localhost:9/kite.png",
  ]) {
    const answer = await request.post("/api/generations", {
      data: { prompt: "A kite over dunes", startFrame: { url } },
    });
    expect(answer.status(), url).toBe(400);
    const { error } = await answer.json();
    expect(error.fields.startFrame, url).toBe(
      "the image URL points at a private or local address, which the studio does not fetch",
    );
  }
  const ftp = await request.post("/api/generations", {
    data: { prompt: "A kite over dunes", startFrame: { url: "ftp://example.com/kite.png" } },
  });
  expect(ftp.status()).toBe(400);
  expect(await upstreamCreates(request)).toBe(before);
});

test("a page on another name (DNS rebinding) gets 421 for pages and API alike; the studio's own names work", async ({
  request,
  baseURL,
}) => {
  // Playwright's request client sends the Host it is given (Node's fetch would replace it).
  const port = new URL(baseURL!).port;
  for (const host of ["evil.example", `evil.example:${port}`, `127.0.0.1.nip.io:${port}`]) {
    for (const path of ["/", "/api/generations", "/api/health"]) {
      const answer = await request.get(path, { headers: { host }, maxRedirects: 0 });
      expect(answer.status(), `${host}${path}`).toBe(421);
      expect(answer.headers()["x-content-type-options"]).toBe("nosniff");
      expect(await answer.text()).toContain("add the name to ALLOWED_HOSTS");
    }
  }
  const before = await upstreamCreates(request);
  const posted = await request.post("/api/generations", {
    headers: { host: "evil.example" },
    data: { prompt: "A rebinding attack", aspectRatio: "1:1" },
  });
  expect(posted.status()).toBe(421);
  expect((await posted.json()).error.code).toBe("misdirected");
  expect(await upstreamCreates(request)).toBe(before);
  for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
    expect((await request.get("/api/health", { headers: { host } })).status(), host).toBe(200);
  }
});

test("the open studio on loopback shows no warning; a visit through another allowed name does", async ({
  page,
  baseURL,
}) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Luma Studio" })).toBeVisible();
  await expect(page.getByRole("note", { name: "Security warning" })).toHaveCount(0);
  // A name others could use, let in with ALLOWED_HOSTS: the Host header says so.
  const named = await startExtraStudio(83, { ALLOWED_HOSTS: "studio.example.net" });
  try {
    await page.route(`${baseURL}/`, async (route) =>
      route.fulfill({
        response: await page.request.get(named.url, { headers: { host: "studio.example.net" } }),
      }),
    );
    await page.goto("/");
    const warning = page.getByRole("note", { name: "Security warning" });
    await expect(warning).toContainText("This studio is open to anyone who can reach it.");
    await page.screenshot({ path: "test-results/artifacts/open-studio-warning.png" });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: "test-results/artifacts/open-studio-warning-375.png" });
  } finally {
    await named.remove();
  }
});
