import { expect, test } from "@playwright/test";
import {
  createTask,
  type ExtraStudio,
  getTask,
  setFaults,
  simState,
  startExtraStudio,
} from "./fixtures/extra-studio";

/**
 * Webhooks alone move tasks here: the studio runs with WATCHER_ENABLED=false, so nothing polls the
 * upstream, and the built-in simulator calls the studio's hook URL on every state change.
 */
test.describe("webhooks with polling switched off", () => {
  let studio: ExtraStudio;
  test.beforeAll(async () => {
    studio = await startExtraStudio(63, { SIMULATOR_SPEED: "10", WATCHER_ENABLED: "false" });
  });
  test.afterAll(async () => {
    await studio?.remove();
  });
  test.beforeEach(async () => {
    await setFaults(studio.url, { hooks: { repeat: 1, reorder: false, dropRate: 0, dropStates: [] } });
  });

  const polls = async () => {
    const { routes } = (await simState(studio.url)).counters;
    return (routes["relay.batch"] ?? 0) + (routes["relay.get"] ?? 0);
  };

  test("a delivery completes a task with no poll at all", async () => {
    const task = await createTask(studio.url, "a tram through falling snow");
    await expect
      .poll(async () => (await getTask(studio.url, task.id)).state, { timeout: 90_000 })
      .toBe("completed");
    const done = await getTask(studio.url, task.id);
    expect(done.video?.url).toBeTruthy();
    expect(await polls()).toBe(0);
    const delivered = (await simState(studio.url)).hooks.filter((hook) => hook.taskId === task.upstreamId);
    expect(delivered.map((hook) => hook.status)).toContain(200);
  });

  test("a forged secret gets 404 and changes nothing", async () => {
    // Every genuine delivery is dropped, so the task stays queued unless the forgery worked.
    await setFaults(studio.url, { hooks: { dropRate: 1 } });
    const task = await createTask(studio.url, "a lantern that must not finish");
    const forged = await fetch(`${studio.url}/api/hooks/luma/${task.id}.not-the-real-secret-0000`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        id: task.upstreamId,
        state: "completed",
        video: { url: "https://attacker.example/clip.mp4" },
      }),
    });
    expect(forged.status).toBe(404);
    const unknown = await fetch(`${studio.url}/api/hooks/luma/t_nosuchtask.whatever-secret`, {
      method: "POST",
      body: "{}",
    });
    expect(unknown.status).toBe(404);
    const after = await getTask(studio.url, task.id);
    expect(after).toMatchObject({ state: task.state, updatedAt: task.updatedAt, video: null });
  });

  test("a `processing` delivered after `completed` changes nothing", async () => {
    // The simulator holds the task's deliveries until it ends, then sends them newest first.
    await setFaults(studio.url, { hooks: { reorder: true } });
    const task = await createTask(studio.url, "a kite over the dunes");
    await expect
      .poll(async () => (await getTask(studio.url, task.id)).state, { timeout: 90_000 })
      .toBe("completed");
    await expect
      .poll(async () =>
        (await simState(studio.url)).hooks
          .filter((hook) => hook.taskId === task.upstreamId)
          .map((hook) => hook.state),
      )
      .toEqual(["completed", "processing"]);
    const hooks = (await simState(studio.url)).hooks.filter((hook) => hook.taskId === task.upstreamId);
    expect(hooks.every((hook) => hook.status === 200)).toBe(true);
    const done = await getTask(studio.url, task.id);
    expect(done.state).toBe("completed");
    expect(done.video?.url).toBeTruthy();
    // Deliveries go one after another, each logged once answered: the task was completed before the
    // `completed` delivery was answered, and the stale `processing` after it neither moved it back nor
    // completed it again. (updated_at itself moves on when the clip's copy is stored.)
    const completedAnsweredAt = hooks.find((hook) => hook.state === "completed")?.at ?? "";
    expect(new Date(done.completedAt ?? "").getTime()).toBeLessThanOrEqual(
      new Date(completedAnsweredAt).getTime(),
    );
    expect(await polls()).toBe(0);
  });
});
