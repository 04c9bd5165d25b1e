import type { Row, Studio } from "../bench/harness";
import { waitFor } from "../bench/harness";
import { createClip, getClip, listClips, type StudioTask, sha256, shareClip, simState } from "./api";
import { type PollFigures, pollFigures } from "./polls";

/** The scale run's phases; each answers rows of figures, the checks marked holds/missed. */

// The watcher's shortest interval is 1.5 s with ±20 % jitter (POLL in lib/server/tasks/schedule.ts),
// counted from when the previous answer came back (so at least 1.2 s between two requests the upstream
// sees); 1 s leaves room for clock and logging slack and still catches a task polled by two instances in
// one interval, which would be milliseconds apart.
const MIN_GAP_MS = 1_000;

export interface Clip {
  id: string;
  upstreamId: string;
  via: string;
}

async function finished(studio: string, clips: readonly Clip[], timeoutMs: number): Promise<StudioTask[]> {
  return waitFor(
    `${clips.length} clips to finish and be copied to the bucket`,
    async () => {
      const tasks = await Promise.all(clips.map((clip) => getClip(studio, clip.id)));
      return tasks.every((task) => task.state === "completed" && task.video?.stored) ? tasks : undefined;
    },
    timeoutMs,
  );
}

export async function runClips(
  sim: string,
  studios: readonly string[],
  count: number,
  label: string,
): Promise<{ rows: Row[]; figures: PollFigures; clips: Clip[] }> {
  const clips: Clip[] = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const via = studios[i % studios.length]!;
      const task = await createClip(via, `${label} clip ${i}`);
      if (!task.upstreamId) throw new Error(`clip ${i} has no upstream id after submit`);
      return { id: task.id, upstreamId: task.upstreamId, via };
    }),
  );
  await finished(studios.at(-1)!, clips, 120_000);
  const state = await simState(sim);
  const figures = pollFigures(
    state,
    clips.map((clip) => clip.upstreamId),
    MIN_GAP_MS,
  );
  const n = studios.length;
  const ours = new Set(clips.map((clip) => clip.upstreamId));
  const completed = state.tasks.filter((task) => ours.has(task.id) && task.state === "completed").length;
  const downloads = state.counters.routes["relay.download"] ?? 0;
  const rows: Row[] = [
    {
      figure: `${n} instance(s): polls per task`,
      value: `${figures.pollsPerTask.toFixed(1)} (${figures.pollsPerTaskPerMinute.toFixed(1)} per task-minute)`,
    },
    {
      figure: `${n} instance(s): shortest gap between two polls of one task`,
      value: `${figures.minGapMs} ms${figures.tooClose.length ? `; too close: ${JSON.stringify(figures.tooClose.slice(0, 3))}` : ""}`,
      budget: `≥ ${MIN_GAP_MS} ms`,
      holds: figures.tooClose.length === 0 && Number.isFinite(figures.minGapMs),
    },
    {
      figure: `${n} instance(s): clips completed at the simulator`,
      value: `${completed} / ${count}`,
      budget: "all",
      holds: completed === count,
    },
    {
      // Whatever finishes a task starts its one copy, which asks for the clean download link once.
      figure: `${n} instance(s): finishes handled (download links asked for)`,
      value: `${downloads} for ${count} clips`,
      budget: "exactly one each",
      holds: downloads === count,
    },
  ];
  return { rows, figures, clips };
}

export async function checkMedia(options: {
  a: string;
  b: string;
  id: string;
  bucketKey: (id: string) => Promise<string[]>;
  bucketBytes: (key: string) => Promise<Uint8Array>;
}): Promise<Row[]> {
  const { a, b, id } = options;
  const task = await getClip(b, id);
  const keys = await options.bucketKey(id);
  const videoKey = keys.find((key) => key.endsWith("/video.mp4"));
  const inBucket = videoKey ? await options.bucketBytes(videoKey) : new Uint8Array();

  const ranged = await fetch(`${b}${task.video?.url}`, { headers: { range: "bytes=0-1023" } });
  const rangedBytes = new Uint8Array(await ranged.arrayBuffer());
  const download = await fetch(`${b}/api/generations/${id}/download`);
  const downloaded = new Uint8Array(await download.arrayBuffer());
  const token = await shareClip(b, id);
  const page = await fetch(`${a}/s/${token}`);
  const sharedVideo = await fetch(`${b}/api/media/share/${token}/video.mp4`, {
    headers: { range: "bytes=100-" },
  });
  const sharedBytes = new Uint8Array(await sharedVideo.arrayBuffer());
  return [
    {
      figure: "video in the bucket, byte for byte what the studio recorded",
      value: `${videoKey ?? "missing"} (${inBucket.length} bytes)`,
      holds: Boolean(videoKey) && inBucket.length > 0 && sha256(inBucket) === task.video?.sha256,
    },
    {
      figure: "plays through B: Range 0-1023",
      value: `${ranged.status} ${ranged.headers.get("content-range")}`,
      budget: "206",
      holds:
        ranged.status === 206 &&
        ranged.headers.get("content-range") === `bytes 0-1023/${inBucket.length}` &&
        sha256(rangedBytes) === sha256(inBucket.subarray(0, 1024)),
    },
    {
      figure: "downloads through B",
      value: `${download.status} ${download.headers.get("content-disposition")?.slice(0, 40)}…`,
      holds:
        download.status === 200 &&
        /^attachment/.test(download.headers.get("content-disposition") ?? "") &&
        sha256(downloaded) === sha256(inBucket),
    },
    {
      figure: "shared through B: page on A, video on B (Range 100-)",
      value: `page ${page.status}, video ${sharedVideo.status}`,
      holds:
        page.status === 200 &&
        sharedVideo.status === 206 &&
        sha256(sharedBytes) === sha256(inBucket.subarray(100)),
    },
  ];
}

/** Gallery paging (row-comparison cursor) and search (ilike) on Postgres, through the API. */
export async function checkPaging(
  studio: string,
  total: number,
  search: string,
  matches: number,
): Promise<Row[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { ids: string[]; next: string | null } = await listClips(
      studio,
      `limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    seen.push(...page.ids);
    cursor = page.next;
  } while (cursor);
  const found = await listClips(studio, `limit=100&q=${encodeURIComponent(search.toUpperCase())}`);
  return [
    {
      figure: "gallery pages of 7 on Postgres: every clip once",
      value: `${new Set(seen).size} distinct of ${seen.length} listed`,
      budget: `${total}`,
      holds: seen.length === total && new Set(seen).size === total,
    },
    {
      figure: `search "${search.toUpperCase()}" on Postgres`,
      value: `${found.ids.length} clips`,
      budget: `${matches}`,
      holds: found.ids.length === matches,
    },
  ];
}

export async function checkKill(sim: string, a: Studio, b: Studio, count: number): Promise<Row[]> {
  const clips: Clip[] = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const task = await createClip(b.url, `scale kill clip ${i}`);
      return { id: task.id, upstreamId: task.upstreamId ?? "", via: b.url };
    }),
  );
  // Mid-run: B has polled some of its clips, none has finished yet.
  await waitFor(
    "the first polls",
    async () => {
      const state = await simState(sim);
      return state.log.some((entry) => entry.route === "relay.batch") ? true : undefined;
    },
    30_000,
  );
  const ours = new Set(clips.map((clip) => clip.upstreamId));
  const running = (await simState(sim)).tasks.filter(
    (task) => ours.has(task.id) && task.state !== "completed",
  ).length;
  await b.stop("SIGKILL");
  const killedAt = Date.now();
  const tasks = await finished(a.url, clips, 120_000);
  const state = await simState(sim);
  const downloads = state.counters.routes["relay.download"] ?? 0;
  return [
    {
      figure: "B killed with clips still running",
      value: `${running} of ${count} running at the kill`,
      holds: running > 0,
    },
    {
      figure: "A finished and copied every clip after the kill",
      value: `${tasks.length} / ${count} in ${((Date.now() - killedAt) / 1000).toFixed(1)} s`,
      budget: "all",
      holds: tasks.length === count,
    },
    {
      figure: "after the kill: finishes handled",
      value: `${downloads} for ${count} clips`,
      budget: "exactly one each",
      holds: downloads === count,
    },
  ];
}
