import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LumaError } from "./errors";
import { normalize, normalizeMany } from "./normalize";

/** Words that do say "finished", in any case; anything else must never yield a terminal state. */
const TERMINAL_WORDS = new Set(["completed", "failed", "success", "failure"]);
const KNOWN_WORDS = [
  "pending",
  "processing",
  "queued",
  "dreaming",
  "NOT_START",
  "SUBMITTED",
  "QUEUED",
  "IN_PROGRESS",
  "UNKNOWN",
  "completed",
  "failed",
  "SUCCESS",
  "FAILURE",
  "Completed",
];

const stateWord = fc.oneof(fc.constantFrom(...KNOWN_WORDS), fc.string({ maxLength: 12 }));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const url = fc.oneof(fc.webUrl(), fc.constantFrom("...mp4", "", "javascript:alert(1)"), fc.jsonValue());
const media = fc.oneof(
  fc.record({
    url: maybe(url),
    download_url: maybe(url),
    width: maybe(fc.jsonValue()),
    duration: maybe(fc.jsonValue()),
  }),
  url,
);

/** Objects shaped like every task variant, with random states and often-wrong field types. */
const taskLike = fc.record(
  {
    id: fc.oneof(fc.uuid(), fc.integer(), fc.jsonValue()),
    state: stateWord,
    prompt: fc.jsonValue(),
    created_at: fc.oneof(fc.constant("0001-01-01T00:00:00Z"), fc.integer(), fc.string(), fc.jsonValue()),
    video: media,
    video_raw: media,
    thumbnail: media,
    assets: fc.record({ video: maybe(url), image: maybe(url) }),
    failure_reason: fc.jsonValue(),
    estimate_wait_seconds: fc.jsonValue(),
  },
  { requiredKeys: [] },
);
const batchItem = fc.record(
  {
    task_id: fc.string(),
    status: stateWord,
    fail_reason: fc.jsonValue(),
    data: fc.oneof(taskLike, fc.jsonValue()),
  },
  { requiredKeys: [] },
);
const statusData = fc.record({ task_id: fc.string(), task_status: stateWord, created_at: fc.integer() });
const anyTask = fc.oneof(taskLike, batchItem, statusData);
const wrapped = fc.oneof(
  anyTask,
  fc.array(anyTask, { maxLength: 3 }),
  fc.record({
    code: fc.oneof(fc.constantFrom(200, "success", 500, 429, "fail"), fc.jsonValue()),
    message: fc.jsonValue(),
    data: fc.oneof(anyTask, fc.array(anyTask, { maxLength: 3 }), fc.jsonValue()),
  }),
);

function collectStateWords(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) collectStateWords(item, into);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (["state", "status", "task_status"].includes(key) && typeof inner === "string") into.push(inner);
      collectStateWords(inner, into);
    }
  }
  return into;
}

function saysTerminal(body: unknown): boolean {
  return collectStateWords(body).some((word) => TERMINAL_WORDS.has(word.trim().toLowerCase()));
}

/** Runs `fn` and reports what it produced; anything thrown that is not a LumaError fails the property. */
function outcome<T>(fn: () => T): T | LumaError {
  try {
    return fn();
  } catch (error) {
    if (error instanceof LumaError) return error;
    throw new Error(`untyped throw: ${String(error)}`);
  }
}

describe("normalize never throws anything untyped", () => {
  it("any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        outcome(() => normalize(body));
        outcome(() => normalizeMany(body));
      }),
      { numRuns: 2000 },
    );
  });

  it("task-shaped objects, wrappers and arrays", () => {
    fc.assert(
      fc.property(wrapped, (body) => {
        const single = outcome(() => normalize(body));
        if (!(single instanceof LumaError)) {
          expect(typeof single.upstreamId).toBe("string");
          expect(single.upstreamId.length).toBeGreaterThan(0);
          expect(["queued", "running", "completed", "failed"]).toContain(single.state);
        }
        outcome(() => normalizeMany(body));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("a terminal state needs the body to say so", () => {
  it("for every shape", () => {
    fc.assert(
      fc.property(wrapped, (body) => {
        const snapshots = [outcome(() => normalize(body)), outcome(() => normalizeMany(body))].flat();
        for (const snapshot of snapshots) {
          if (snapshot instanceof LumaError) continue;
          if (snapshot.state === "completed" || snapshot.state === "failed")
            expect(saysTerminal(body)).toBe(true);
          if (snapshot.state === "completed") expect(snapshot.videoUrl).toMatch(/^https?:\/\//);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("non-terminal words alone never finish a task, whatever else the body holds", () => {
    const nonTerminal = stateWord.filter((word) => !TERMINAL_WORDS.has(word.trim().toLowerCase()));
    fc.assert(
      fc.property(taskLike, nonTerminal, (task, word) => {
        const result = outcome(() => normalize({ ...task, id: "t-1", state: word }));
        if (result instanceof LumaError) throw result;
        expect(["queued", "running"]).toContain(result.state);
      }),
    );
  });
});
