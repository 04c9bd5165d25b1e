import { randomBytes } from "node:crypto";
import { z } from "zod";
import { openDatabase } from "../../lib/server/db/open";
import { type NewTaskRow, tasks } from "../../lib/server/db/schema";
import { percentile, type Studio } from "./harness";

/** Seeds N tasks straight into a fresh embedded database, then times the gallery's API on it. */

const PageCursorSchema = z.object({ nextCursor: z.string().nullable() });
const WORDS = ["river", "neon", "forest", "desert", "city", "ocean", "glacier", "lantern", "fox", "storm"];

export async function seed(dataDir: string, count: number): Promise<void> {
  const open = await openDatabase({ kind: "pglite", dataDir });
  const start = Date.now() - count * 60_000;
  const rows: NewTaskRow[] = Array.from({ length: count }, (_, index) => {
    const created = new Date(start + index * 60_000);
    const failed = index % 10 === 3;
    const running = index >= count - 5;
    const word = WORDS[index % WORDS.length];
    return {
      id: `t_${randomBytes(9).toString("base64url")}`,
      provider: "simulator",
      upstreamId: `bench-${index}`,
      kind: "generate",
      prompt: `A ${word} scene number ${index}, slow camera push, golden light`,
      aspectRatio: "16:9",
      model: "ray-v2",
      resolution: "720p",
      duration: "5s",
      state: running ? "running" : failed ? "failed" : "completed",
      failureReason: failed ? "Contains blacklisted words" : null,
      videoUrl: failed || running ? null : `https://cdn.example/${index}.mp4`,
      thumbnailUrl: failed || running ? null : `https://cdn.example/${index}.jpg`,
      width: 1280,
      height: 720,
      createdAt: created,
      updatedAt: created,
      completedAt: running ? null : created,
      // Never due: the watcher leaves the seeded running rows alone.
      nextPollAt: null,
    };
  });
  for (let offset = 0; offset < rows.length; offset += 500) {
    await open.db.insert(tasks).values(rows.slice(offset, offset + 500));
  }
  await open.close();
}

export interface Timing {
  name: string;
  requests: number;
  p50: number;
  p95: number;
}

async function timed(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return performance.now() - started;
}

function summarise(name: string, samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { name, requests: samples.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

export async function timeGalleryApi(studio: Studio): Promise<Timing[]> {
  const base = `${studio.url}/api/generations`;
  // Cursors for deep pages, found by walking the list once.
  const cursors: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 40; page++) {
    const answer: unknown = await (await fetch(`${base}${cursor ? `?cursor=${cursor}` : ""}`)).json();
    const next: string | null = PageCursorSchema.parse(answer).nextCursor;
    if (next === null) break;
    cursors.push(next);
    cursor = next;
  }
  const since = new Date(Date.now() - 60_000).toISOString();
  const kinds: Record<string, (index: number) => string> = {
    // The cost of any request to this server on this machine, without the database.
    "health (baseline)": () => `${studio.url}/api/health`,
    "first page": () => base,
    "deep page (cursor)": (index) => `${base}?cursor=${cursors[index % cursors.length] ?? ""}`,
    "state=failed": () => `${base}?state=failed`,
    "q=<word>": (index) => `${base}?q=${WORDS[index % WORDS.length]}`,
    "changes feed": () => `${base}/changes?since=${encodeURIComponent(since)}`,
  };
  for (const make of Object.values(kinds)) for (let index = 0; index < 5; index++) await timed(make(index));

  const results: Timing[] = [];
  const all: { sequential: number[]; concurrent: number[] } = { sequential: [], concurrent: [] };
  for (const [name, make] of Object.entries(kinds)) {
    const sequential: number[] = [];
    for (let index = 0; index < 60; index++) sequential.push(await timed(make(index)));
    // Ten at a time, as ten open pages would.
    const concurrent: number[] = [];
    for (let round = 0; round < 10; round++) {
      const batch = Array.from({ length: 10 }, (_, index) => timed(make(round * 10 + index)));
      concurrent.push(...(await Promise.all(batch)));
    }
    results.push(summarise(`${name}, sequential`, sequential), summarise(`${name}, 10 at once`, concurrent));
    if (!name.includes("baseline")) {
      all.sequential.push(...sequential);
      all.concurrent.push(...concurrent);
    }
  }
  results.push(summarise("gallery API, sequential", all.sequential));
  results.push(summarise("gallery API, 10 at once", all.concurrent));
  return results;
}
