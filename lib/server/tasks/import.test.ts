import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LumaError } from "@/lib/luma/errors";
import { snapshotOf } from "@/lib/luma/test-helpers";
import type { GenerationPage, ListedGeneration } from "@/lib/luma/types";
import { type OpenDatabase, openDatabase } from "../db/open";
import { jobs, tasks } from "../db/schema";
import { importGenerations } from "./import";

const NO_SETTINGS = {
  aspectRatio: null,
  resolution: null,
  duration: null,
  model: null,
  loop: null,
  image: false,
};

function done(id: string, prompt: string, extra: Partial<ListedGeneration> = {}): ListedGeneration {
  return {
    ...snapshotOf({
      upstreamId: id,
      state: "completed",
      rawState: "completed",
      prompt,
      videoUrl: `https://cdn.example/${id}/video.mp4`,
      thumbnailUrl: `https://cdn.example/${id}/thumb.jpg`,
      width: 1280,
      height: 720,
      durationSeconds: 5,
      createdAt: new Date("2025-03-01T10:00:00.000Z"),
    }),
    settings: NO_SETTINGS,
    ...extra,
  };
}

/** A listing of `all`, newest first, that records the pages asked for. */
function listing(all: ListedGeneration[]) {
  const asked: { limit: number; offset: number }[] = [];
  const list = async (page: { limit: number; offset: number }): Promise<GenerationPage> => {
    asked.push(page);
    const generations = all.slice(page.offset, page.offset + page.limit);
    return {
      hasMore: page.offset + generations.length < all.length,
      count: all.length,
      limit: page.limit,
      offset: page.offset,
      generations,
    };
  };
  return { list, asked };
}

describe("importGenerations", () => {
  let dir: string;
  let open: OpenDatabase;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "luma-import-"));
    open = await openDatabase({ kind: "pglite", dataDir: dir });
  });
  afterAll(async () => {
    await open.close();
    await fs.rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await open.db.delete(jobs);
    await open.db.delete(tasks);
  });

  const run = (list: ReturnType<typeof listing>["list"], more: { maxPages?: number } = {}) => {
    const started: string[] = [];
    const result = importGenerations({
      db: open.db,
      list,
      providerName: "official",
      pageSize: 2,
      onImported: (id) => started.push(id),
      ...more,
    });
    return result.then((outcome) => ({ outcome, started }));
  };

  it("imports finished clips once, skips failed and running ones, and stops where has_more is false", async () => {
    const all = [
      done("g1", "a tiger walking in snow", {
        settings: {
          aspectRatio: "9:16",
          resolution: "1080p",
          duration: "9s",
          model: "ray-2",
          loop: true,
          image: false,
        },
      }),
      { ...done("g2", "still dreaming"), state: "running" as const, videoUrl: null, settings: NO_SETTINGS },
      {
        ...done("g3", "refused"),
        state: "failed" as const,
        videoUrl: null,
        failureReason: "Frame moderation failed",
      },
      done("g4", "a fox at dawn"),
      done("g5", "waves"),
    ];
    const first = listing(all);
    const { outcome, started } = await run(first.list);
    expect(outcome).toEqual({ imported: 3, alreadyHere: 0, skipped: 2, complete: true, pages: 3 });
    // Three pages of two: the third says has_more false, so no fourth is asked for.
    expect(first.asked).toEqual([
      { limit: 2, offset: 0 },
      { limit: 2, offset: 2 },
      { limit: 2, offset: 4 },
    ]);

    const rows = await open.db.select().from(tasks);
    expect(rows.map((r) => r.upstreamId).sort()).toEqual(["g1", "g4", "g5"]);
    expect(started.sort()).toEqual(rows.map((r) => r.id).sort());
    const tiger = rows.find((r) => r.upstreamId === "g1");
    expect(tiger).toMatchObject({
      provider: "official",
      kind: "generate",
      prompt: "a tiger walking in snow",
      state: "completed",
      aspectRatio: "9:16",
      resolution: "1080p",
      duration: "9s",
      model: "ray-2",
      loop: true,
      videoUrl: "https://cdn.example/g1/video.mp4",
      thumbnailUrl: "https://cdn.example/g1/thumb.jpg",
      videoKey: null,
      width: 1280,
      durationSeconds: 5,
      createdAt: new Date("2025-03-01T10:00:00.000Z"),
    });
    expect(tiger?.completedAt).toBeInstanceOf(Date);
    expect(typeof tiger?.extra?.importedAt).toBe("string");
    // Each imported clip has its copy job, as a clip that finishes here does.
    const copyJobs = await open.db.select().from(jobs).where(eq(jobs.kind, "mirror"));
    expect(copyJobs.map((job) => job.subject).sort()).toEqual(rows.map((r) => r.id).sort());

    const second = await run(listing(all).list);
    expect(second.outcome).toMatchObject({ imported: 0, alreadyHere: 3, skipped: 2, complete: true });
    expect(second.started).toEqual([]);
    expect(await open.db.select().from(tasks)).toHaveLength(3);
  });

  it("imports a finished image as an image, its picture as the thumbnail; an image with no picture yet waits", async () => {
    const picture = {
      ...done("p1", "a red fox in snow"),
      videoUrl: null,
      thumbnailUrl: "https://cdn.example/p1/picture.jpg",
      durationSeconds: null,
      settings: { ...NO_SETTINGS, aspectRatio: "3:4", model: "photon-1", image: true },
    };
    const unfinished = { ...picture, upstreamId: "p2", thumbnailUrl: null };
    const { outcome, started } = await run(listing([picture, unfinished]).list);
    expect(outcome).toMatchObject({ imported: 1, skipped: 1, complete: true });
    const rows = await open.db.select().from(tasks);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "image",
      upstreamId: "p1",
      prompt: "a red fox in snow",
      aspectRatio: "3:4",
      model: "photon-1",
      videoUrl: null,
      thumbnailUrl: "https://cdn.example/p1/picture.jpg",
    });
    // Its picture is copied like any finished image's.
    expect(started).toEqual([rows[0]!.id]);
  });

  it("counts the studio's own clips of the same provider as already here, another provider's not", async () => {
    await open.db.insert(tasks).values([
      {
        id: "t_own",
        provider: "official",
        upstreamId: "g1",
        kind: "generate",
        prompt: "mine",
        state: "completed",
      },
      {
        id: "t_sim",
        provider: "simulator",
        upstreamId: "g4",
        kind: "generate",
        prompt: "sim",
        state: "completed",
      },
    ]);
    const { outcome } = await run(listing([done("g1", "x"), done("g4", "y")]).list);
    expect(outcome).toMatchObject({ imported: 1, alreadyHere: 1, skipped: 0 });
    const [own] = await open.db.select().from(tasks).where(eq(tasks.id, "t_own"));
    expect(own?.prompt).toBe("mine");
  });

  it("reads at most maxPages pages and says the run is not complete", async () => {
    const all = Array.from({ length: 9 }, (_, i) => done(`g${i}`, `clip ${i}`));
    const source = listing(all);
    const { outcome } = await run(source.list, { maxPages: 2 });
    expect(source.asked).toHaveLength(2);
    expect(outcome).toMatchObject({ imported: 4, complete: false, pages: 2 });
  });

  it("keeps what came in when a later page fails, and throws when the first one does", async () => {
    const all = [done("g1", "a"), done("g2", "b"), done("g3", "c")];
    const source = listing(all);
    let calls = 0;
    const flaky = async (page: { limit: number; offset: number }) => {
      calls += 1;
      if (calls === 2) throw new LumaError({ kind: "unavailable", message: "Upstream unavailable" });
      return source.list(page);
    };
    const { outcome } = await run(flaky);
    expect(outcome).toMatchObject({ imported: 2, complete: false, pages: 1 });

    const refusing = async (): Promise<GenerationPage> => {
      throw new LumaError({ kind: "unauthorized", message: "Unauthorized" });
    };
    await expect(run(refusing)).rejects.toMatchObject({ kind: "unauthorized" });
  });

  it("stops on an empty page even when has_more stays true", async () => {
    let calls = 0;
    const stuck = async (): Promise<GenerationPage> => {
      calls += 1;
      return { hasMore: true, count: null, limit: 2, offset: 0, generations: [] };
    };
    const { outcome } = await run(stuck);
    expect(calls).toBe(1);
    expect(outcome).toMatchObject({ imported: 0, complete: true });
  });
});
