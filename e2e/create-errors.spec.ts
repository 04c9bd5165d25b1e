import { type APIRequestContext, expect, test } from "@playwright/test";
import { createForm } from "./fixtures/create-form";
import { tasksWithPrompt } from "./fixtures/studio-api";

const SIM = { authorization: "Bearer e2e-simulator-token" };
async function upstreamTaskCount(request: APIRequestContext): Promise<number> {
  const response = await request.get("/api/simulator/_sim/state", { headers: SIM });
  const state = (await response.json()) as { tasks: unknown[] };
  return state.tasks.length;
}

const REFUSAL = "image_url: could not fetch image";
const uniquePrompt = (what: string) => `${what} ${Date.now().toString(36)}`;

test.describe("upstream failures in the form", () => {
  test.afterEach(async ({ request }) => {
    await request.post("/api/simulator/_sim/faults", { headers: SIM, data: {} });
  });

  test("a rejection shows the upstream's own reason, keeps the prompt, and records a failed clip", async ({
    page,
    request,
  }) => {
    // The relay refuses the request with its own words (keyframe URLs the relay cannot read are now
    // refused by the studio itself before sending, see security.spec.ts).
    await request.post("/api/simulator/_sim/faults?merge=1", {
      headers: SIM,
      data: { rules: [{ kind: "http400", next: 1, route: "relay.create", detail: REFUSAL }] },
    });
    await page.goto("/");
    const form = createForm(page);
    const prompt = uniquePrompt("A kite over dunes");
    await form.prompt.fill(prompt);
    await form.generate.click();

    await expect(form.region.getByRole("alert")).toContainText(REFUSAL);
    await expect(form.prompt).toHaveValue(prompt);
    const [task] = await tasksWithPrompt(request, prompt);
    expect(task).toMatchObject({ state: "failed", errorCode: "upstream_rejected" });
    expect(task?.failureReason).toContain(REFUSAL);
    await expect(form.gallery.getByText(REFUSAL)).toBeVisible();
  });

  test("a lasting rate limit says when to try again, keeps the prompt and starts nothing", async ({
    page,
    request,
  }) => {
    // A 429 means the upstream refused, so the studio may retry it after retry-after; here it keeps refusing.
    await request.post("/api/simulator/_sim/faults?merge=1", {
      headers: SIM,
      data: { rules: [{ kind: "http429", next: 20, route: "relay.create", retryAfter: 1 }] },
    });
    await page.goto("/");
    const form = createForm(page);
    const prompt = uniquePrompt("Paper boats in rain");
    await form.prompt.fill(prompt);
    const before = await upstreamTaskCount(request);
    await form.generate.click();

    await expect(form.region.getByRole("alert")).toContainText("try again in 1 s", { timeout: 30_000 });
    await expect(form.prompt).toHaveValue(prompt);
    expect(await upstreamTaskCount(request)).toBe(before);
  });
});
