import { describe, expect, it } from "vitest";
import { task } from "@/lib/queries/test-task";
import type { Task } from "@/lib/shared/task";
import { filmChain, locate, planFilm, segmentAt } from "./film-plan";

const done = (id: string, seconds: number, patch: Partial<Task> = {}) =>
  task(id, `2025-01-01T10:00:0${id.length}.000Z`, {
    state: "completed",
    video: { url: `/v/${id}.mp4`, width: 1280, height: 720, durationSeconds: seconds, stored: true },
    thumbnail: { url: `/v/${id}.jpg` },
    ...patch,
  });

const root = done("a", 5);
const ext1 = done("b", 10, { kind: "extend", parentId: "a" });
const ext2 = done("c", 15, { kind: "extend", parentId: "b" });
const cont = done("d", 5, { kind: "generate", parentId: "c" });
const members = [root, ext1, ext2, cont].map((t, depth) => ({ depth, task: t }));

describe("a family as one film", () => {
  it("runs from the original through the clip and on down its first descendants", () => {
    expect(filmChain(members, "b").map((t) => t.id)).toEqual(["a", "b", "c", "d"]);
    expect(filmChain(members, "zzz")).toEqual([]);
  });

  it("plays a tool's take from itself and never steps down into one", () => {
    // An upscale of the first extension: another take of a–b, made before c and d were.
    const upscaled = done("u", 10, {
      kind: "upscale",
      parentId: "b",
      edit: { tool: "upscale", resolution: "1080p" },
    });
    const withTake = [root, ext1, upscaled, ext2, cont].map((t, depth) => ({ depth, task: t }));
    expect(filmChain(withTake, "a").map((t) => t.id)).toEqual(["a", "b", "c", "d"]);
    expect(filmChain(withTake, "u").map((t) => t.id)).toEqual(["u"]);
    const extendedTake = done("x", 15, { kind: "extend", parentId: "u" });
    expect(filmChain([...withTake, { depth: 3, task: extendedTake }], "x").map((t) => t.id)).toEqual([
      "u",
      "x",
    ]);
  });

  it("stops at a clip that cannot play yet", () => {
    const running = { ...ext2, state: "running" as const, video: null };
    const chain = filmChain(
      [root, ext1, running, cont].map((t, depth) => ({ depth, task: t })),
      "a",
    );
    expect(chain.map((t) => t.id)).toEqual(["a", "b"]);
  });

  it("plays a run of extensions from the last one's file, and a continuation from its own", () => {
    const plan = planFilm([root, ext1, ext2, cont]);
    expect(plan.sources.map((s) => [s.url, s.filmStart, s.duration])).toEqual([
      ["/v/c.mp4", 0, 15],
      ["/v/d.mp4", 15, 5],
    ]);
    expect(plan.segments.map((s) => [s.number, s.task.id, s.start, s.end])).toEqual([
      [1, "a", 0, 5],
      [2, "b", 5, 10],
      [3, "c", 10, 15],
      [4, "d", 15, 20],
    ]);
    expect(plan.duration).toBe(20);
  });

  it("finds the file and the segment for any film time", () => {
    const plan = planFilm([root, ext1, ext2, cont]);
    expect(locate(plan, 7)).toEqual({ source: 0, time: 7 });
    expect(locate(plan, 16.5)).toEqual({ source: 1, time: 1.5 });
    expect(locate(plan, 99)).toEqual({ source: 1, time: 5 });
    expect(segmentAt(plan, 12)?.number).toBe(3);
    expect(segmentAt(plan, 20)?.number).toBe(4);
  });

  it("is one source and one segment for a clip on its own", () => {
    const plan = planFilm([root]);
    expect(plan.sources).toHaveLength(1);
    expect(plan.segments).toHaveLength(1);
    expect(plan.duration).toBe(5);
  });
});
