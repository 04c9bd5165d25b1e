import { createServer, type Server } from "node:http";
import { expect, type Page, test } from "@playwright/test";
import { BalanceAnswerSchema } from "@/lib/shared/balance";
import { createForm } from "./fixtures/create-form";
import { createTask, type ExtraStudio, startExtraStudio } from "./fixtures/extra-studio";
import { sessionCookie, startPasscodeStudio } from "./fixtures/passcode-studio";

/**
 * The header's balance chip (issue 18): the relay-format simulator's token quota, the official format's
 * credits, and nothing at all for a relay without account endpoints; the composer's low-balance line.
 */

const base = Number(process.env.E2E_PORT ?? 3100);

const chip = (page: Page) => page.locator("header [data-balance-source]");

async function balanceOf(url: string) {
  const response = await fetch(`${url}/api/account/balance`);
  expect(response.status).toBe(200);
  return BalanceAnswerSchema.parse(await response.json()).balance;
}

/** A relay that answers every path with `answer`; each request's path is kept. */
async function fakeRelay(
  port: number,
  answer: (path: string) => { status: number; type: string; body: string },
) {
  const paths: string[] = [];
  const server: Server = createServer((req, res) => {
    paths.push(req.url ?? "");
    const { status, type, body } = answer(req.url ?? "");
    res.writeHead(status, { "content-type": type });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    paths,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const NOT_FOUND_PAGE =
  "<!doctype html><html><head><title>404</title></head><body><h1>Not Found</h1></body></html>";

test.describe("balance chip", () => {
  test("the relay-format simulator's quota shows in the header and goes down when a clip is made", async ({
    page,
    baseURL,
  }) => {
    if (!baseURL) throw new Error("no baseURL");
    const before = await balanceOf(baseURL);
    expect(before).toMatchObject({ source: "token_usage", unit: "quota", unlimited: false });
    await page.goto("/");
    const shown = chip(page);
    await expect(shown).toBeVisible();
    await expect(shown).toHaveAttribute("title", "Quota left on the relay token (the relay's token usage)");
    const amount = (value: number) => new Intl.NumberFormat("en").format(value);
    await expect(shown).toHaveText(new RegExp(`${amount(before?.amount ?? 0)} quota`), {
      useInnerText: true,
    });

    const form = createForm(page);
    await form.prompt.fill(`A lighthouse counting coins ${Date.now().toString(36)}`);
    await form.generate.click();
    // The create drops the studio's kept balance and the page asks again at once (not on its 30 s timer).
    const after = (before?.amount ?? 0) - 5_000;
    await expect(shown).toHaveText(new RegExp(`${amount(after)} quota`), {
      useInnerText: true,
      timeout: 10_000,
    });
    expect(await balanceOf(baseURL)).toMatchObject({ amount: after });
    await page.locator("header").screenshot({ path: "test-results/artifacts/balance-header.png" });

    // A phone: the number is shortened, the header still fits on one line.
    await page.setViewportSize({ width: 375, height: 812 });
    const short = shown.locator('span[aria-hidden="true"]');
    await expect(short).toBeVisible();
    await expect(short).toHaveText(/^-?\d+(\.\d)?[KM]?$/);
    expect((await shown.boundingBox())?.width).toBeLessThan(90);
    expect(
      await page.evaluate("document.documentElement.scrollWidth - window.innerWidth"),
    ).toBeLessThanOrEqual(0);
    const box = await page.locator("header").boundingBox();
    expect(box?.height).toBeLessThanOrEqual(57);
  });

  test("with SIMULATOR_API=official the header shows the account's credits, in both languages", async ({
    browser,
  }) => {
    let studio: ExtraStudio | undefined;
    try {
      studio = await startExtraStudio(41, { SIMULATOR_API: "official" });
      expect(await balanceOf(studio.url)).toEqual({
        source: "credits",
        amount: 1000,
        unit: "credits",
        unlimited: false,
      });
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(studio.url);
      const shown = chip(page);
      await expect(shown).toHaveText(/1,000 credits/, { useInnerText: true });
      await expect(shown).toHaveAttribute("title", "Credits left on the Luma API account (its /credits)");
      await createTask(studio.url, "a clip that spends five credits");
      // Another tab's create: the studio dropped its copy, the page's next read (a reload here) shows it.
      await page.reload();
      await expect(shown).toHaveText(/995 credits/, { useInnerText: true });
      await context.close();

      const chinese = await browser.newContext({ locale: "zh-CN" });
      const zh = await chinese.newPage();
      await zh.goto(studio.url);
      await expect(chip(zh)).toHaveText(/995 积分/, { useInnerText: true });
      await expect(chip(zh)).toHaveAttribute("title", "Luma API 账户的剩余积分（其 /credits）");
      await chinese.close();
    } finally {
      await studio?.remove();
    }
  });

  test("a relay whose account endpoints are all 404 HTML pages shows no chip", async ({ page }) => {
    const relay = await fakeRelay(base + 43, () => ({
      status: 404,
      type: "text/html",
      body: NOT_FOUND_PAGE,
    }));
    let studio: ExtraStudio | undefined;
    try {
      studio = await startExtraStudio(42, {
        LUMA_PROVIDER: "relay",
        LUMA_BASE_URL: relay.url,
        LUMA_API_KEY: "sk-e2e-balance-relay-token",
      });
      const answered = page.waitForResponse((response) => response.url().endsWith("/api/account/balance"));
      await page.goto(studio.url);
      const answer = await answered;
      expect(answer.status()).toBe(200);
      const text = await answer.text();
      expect(JSON.parse(text)).toEqual({ balance: null });
      expect(text).not.toContain("sk-e2e-balance-relay-token");
      // Both account sources were asked, once each.
      expect(relay.paths).toEqual(["/api/usage/token", "/v1/dashboard/billing/subscription"]);
      await expect(page.getByText("Relay", { exact: true })).toBeVisible();
      await expect(chip(page)).toHaveCount(0);
    } finally {
      await studio?.remove();
      await relay.close();
    }
  });

  test("a relay token with nothing left: 0 quota, and a warning near Generate that does not block it; signed-in only", async ({
    page,
  }) => {
    const relay = await fakeRelay(base + 44, (path) =>
      path === "/api/usage/token"
        ? {
            status: 200,
            type: "application/json",
            body: JSON.stringify({
              code: true,
              message: "ok",
              data: {
                object: "token_usage",
                total_granted: "5000",
                total_used: "5000",
                total_available: "0",
              },
            }),
          }
        : { status: 404, type: "text/html", body: NOT_FOUND_PAGE },
    );
    let studio: ExtraStudio | undefined;
    try {
      studio = await startPasscodeStudio(45, {
        LUMA_PROVIDER: "relay",
        LUMA_BASE_URL: relay.url,
        LUMA_API_KEY: "sk-e2e-balance-empty-token",
      });
      // Behind the sign-in like the rest of the API: a stranger learns nothing, and the relay is not asked.
      expect((await fetch(`${studio.url}/api/account/balance`)).status).toBe(401);
      expect(relay.paths).toEqual([]);
      await page
        .context()
        .addCookies([{ name: "luma_session", value: await sessionCookie(studio), url: studio.url }]);
      await page.goto(studio.url);
      await expect(chip(page)).toHaveText(/(^|\s)0 quota$/, { useInnerText: true });
      const form = createForm(page);
      const warning = form.region.getByText("Your balance is used up: the provider may refuse this clip.");
      await expect(warning).toBeVisible();
      await expect(form.generate).toBeEnabled();
      await form.region.screenshot({ path: "test-results/artifacts/balance-warning.png" });
    } finally {
      await studio?.remove();
      await relay.close();
    }
  });
});
