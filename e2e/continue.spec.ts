import { expect, test } from "@playwright/test";
import { z } from "zod";
import { TaskSchema } from "@/lib/shared/task";
import { storedClip } from "./fixtures/clips";
import { clipMenuAction } from "./fixtures/gallery";
import {
  clipCard,
  clipIn,
  createClip,
  SIM_AUTH,
  screenshotAll,
  uniquePrompt,
  upstreamKeyframe,
} from "./fixtures/lineage";
import { mediaBytes, tasksWithPrompt } from "./fixtures/studio-api";

const ErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), suggestion: z.string().optional() }),
});

test.describe("continue from last frame", () => {
  test("the new clip's start keyframe is byte-identical to the parent's last frame, and went upstream as is", async ({
    page,
    request,
  }) => {
    test.setTimeout(240_000);
    const parentPrompt = uniquePrompt("A train leaving a snowy station");
    // Its copy stored first: the studio continues from its own copy byte for byte, and a copy landing
    // between this read and the click would change which bytes are expected.
    const parent = await storedClip(request, parentPrompt);
    if (!parent.lastFrame) throw new Error("the finished clip has no last frame");

    await page.goto("/");
    await clipMenuAction(page, clipCard(page, parentPrompt), "Continue from last frame");
    const dialog = page.getByRole("dialog", { name: "Continue from last frame" });
    await expect(
      dialog.getByRole("img", { name: "Start keyframe: the last frame of this clip" }),
    ).toBeVisible();
    const prompt = uniquePrompt("The train enters a tunnel");
    await dialog.getByRole("textbox", { name: "Prompt" }).fill(prompt);
    await screenshotAll(page, "continue-dialog");
    await dialog.getByRole("button", { name: "Start new clip" }).click();
    await expect(dialog).toBeHidden();

    const [child] = await tasksWithPrompt(request, prompt);
    if (!child?.startImage) throw new Error("the continued clip has no start keyframe");
    expect(child).toMatchObject({ kind: "generate", parentId: parent.id, aspectRatio: parent.aspectRatio });
    await expect(clipCard(page, prompt).getByText("Continued from")).toBeVisible();

    const start = await mediaBytes(request, child.startImage.url);
    // The parent's last frame as the studio stored it, used byte for byte.
    expect(start.equals(await mediaBytes(request, parent.lastFrame.url))).toBe(true);
    // …and the upstream received exactly that image as the start keyframe.
    expect(child.upstreamId).toBeTruthy();
    expect((await upstreamKeyframe(request, child.upstreamId ?? "", "start")).equals(start)).toBe(true);
  });

  test("a repeated Idempotency-Key returns the first clip; a forgotten parent suggests continuing instead", async ({
    request,
  }) => {
    test.setTimeout(180_000);
    const parent = await clipIn(
      request,
      (await createClip(request, uniquePrompt("Waves on rocks"))).id,
      "completed",
    );
    const send = () =>
      request.post(`/api/generations/${parent.id}/continue`, {
        data: { prompt: "the tide goes out" },
        headers: { "idempotency-key": `continue-${parent.id}` },
      });
    const first = await send();
    expect(first.status()).toBe(201);
    const again = await send();
    expect(again.status()).toBe(200);
    expect(TaskSchema.parse(await again.json()).id).toBe(TaskSchema.parse(await first.json()).id);

    // The upstream deletes the parent (as an expiry would); extending it now gets a clear way out.
    const removed = await request.delete(`/api/simulator/dream-machine/v1/generations/${parent.upstreamId}`, {
      headers: SIM_AUTH,
    });
    expect(removed.status()).toBe(204);
    const extend = await request.post(`/api/generations/${parent.id}/extend`, {
      data: { prompt: "more waves" },
    });
    expect(extend.status()).toBe(502);
    expect(ErrorSchema.parse(await extend.json()).error).toMatchObject({
      code: "upstream_rejected",
      message: expect.stringMatching(/no longer has the original clip.*Continue from last frame/),
      suggestion: "continue_from_last_frame",
    });
  });
});
