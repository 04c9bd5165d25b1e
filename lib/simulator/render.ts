import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { runFfmpeg } from "./ffmpeg";
import { promptSeed, sceneExpressions } from "./scene";
import type { TaskRecord } from "./types";

type TaskMedia = NonNullable<TaskRecord["media"]>;

export interface RenderJob {
  outDir: string;
  width: number;
  height: number;
  fps: number;
  /** Frames of the new segment. */
  frames: number;
  prompt: string;
  loop: boolean;
  /** Normalized PNGs (already width×height). */
  start: string | null;
  end: string | null;
  /** Clean video played before (extend) or after (reverse extend) the new segment, with its frame count. */
  before: { file: string; frames: number } | null;
  after: { file: string; frames: number } | null;
  preset: string;
  signal?: AbortSignal;
  onSpawn?: (pid: number) => void;
}

export const MEDIA_FILES = {
  clean: "video.mp4",
  watermarked: "video_watermarked.mp4",
  thumbnail: "thumbnail.jpg",
  lastFrame: "video_last_frame.jpg",
  firstPng: "first.png",
  lastPng: "last.png",
} as const;

const PUSH_IN = 0.12;
const FONT_CANDIDATES = [
  "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
  "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
  "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
  "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
];

class Graph {
  readonly inputs: string[] = [];
  readonly chains: string[] = [];
  private count = 0;
  input(...args: string[]): number {
    this.inputs.push(...args);
    return this.count++;
  }
}

function scene(g: Graph, job: RenderJob): string {
  const lowW = Math.max(8, Math.round(job.width / 8));
  const lowH = Math.max(8, Math.round(job.height / 8));
  const index = g.input("-f", "lavfi", "-i", `nullsrc=s=${lowW}x${lowH}:r=${job.fps}`);
  const period = Math.max(1, job.frames - 1) / job.fps;
  const { field, palette } = sceneExpressions(job.prompt, period, job.loop);
  const [r, gr, b] = palette;
  // Field and colouring run at 1/8 size (one gray plane, then a 256-entry table); only the final
  // upscale touches full-size frames, which keeps a 1080p scene cheap.
  g.chains.push(
    `[${index}:v]trim=end_frame=${job.frames},format=gray,geq=lum='${field}',format=rgb24,` +
      `lutrgb=r='${r}':g='${gr}':b='${b}',scale=${job.width}:${job.height}:flags=bicubic,setsar=1,format=yuv420p[scene]`,
  );
  return "scene";
}

/** A still becomes motion: zoom and drift whose direction comes from the prompt. */
function still(g: Graph, job: RenderJob, file: string, label: string, zoom: string): string {
  const index = g.input("-i", file);
  const seed = promptSeed(job.prompt);
  const panX = ((seed[0] ?? 128) / 255).toFixed(3);
  const panY = ((seed[1] ?? 128) / 255).toFixed(3);
  g.chains.push(
    `[${index}:v]scale=${job.width}:${job.height},setsar=1,zoompan=z='${zoom}':` +
      `x='(iw-iw/zoom)*${panX}':y='(ih-ih/zoom)*${panY}':d=${job.frames}:s=${job.width}x${job.height}:fps=${job.fps},` +
      `setsar=1,format=yuv420p[${label}]`,
  );
  return label;
}

function crossfade(g: Graph, job: RenderJob, from: string, to: string): string {
  g.chains.push(
    `[${to}]format=yuva420p,fade=t=in:s=0:n=${Math.max(1, job.frames - 1)}:alpha=1[${to}f]`,
    `[${from}][${to}f]overlay=format=yuv420:shortest=1,format=yuv420p[seg]`,
  );
  return "seg";
}

function segment(g: Graph, job: RenderJob): string {
  const last = Math.max(1, job.frames - 1);
  const inZoom = job.loop ? `1+${PUSH_IN}*sin(PI*on/${last})` : `1+${PUSH_IN}*on/${last}`;
  const outZoom = `1+${PUSH_IN}*(1-on/${last})`;
  const from = job.start ? still(g, job, job.start, "a", inZoom) : null;
  const to = job.end ? still(g, job, job.end, "b", outZoom) : null;
  if (from && to) return crossfade(g, job, from, to);
  if (to) return crossfade(g, job, scene(g, job), to);
  return from ?? scene(g, job);
}

function withNeighbours(g: Graph, job: RenderJob, seg: string): string {
  const clip = (file: string, label: string) => {
    const index = g.input("-i", file);
    g.chains.push(
      `[${index}:v]fps=${job.fps},scale=${job.width}:${job.height},setsar=1,format=yuv420p[${label}]`,
    );
    return label;
  };
  const parts = [
    job.before ? clip(job.before.file, "pre") : null,
    seg,
    job.after ? clip(job.after.file, "post") : null,
  ].filter((part): part is string => part !== null);
  if (parts.length === 1) return seg;
  g.chains.push(`${parts.map((p) => `[${p}]`).join("")}concat=n=${parts.length}:v=1:a=0[joined]`);
  return "joined";
}

function watermark(job: RenderJob): string {
  const boxW = Math.round(job.width * 0.18);
  const boxH = Math.round(Math.min(job.width, job.height) * 0.075);
  const margin = Math.round(Math.min(job.width, job.height) * 0.03);
  const x = job.width - boxW - margin;
  const y = job.height - boxH - margin;
  const box = `drawbox=x=${x}:y=${y}:w=${boxW}:h=${boxH}:color=white@0.6:t=fill`;
  const font = FONT_CANDIDATES.find((candidate) => existsSync(candidate));
  const size = Math.max(8, Math.round(boxH * 0.55));
  const mark = font
    ? `drawtext=fontfile='${font}':text='Luma Sim':fontsize=${size}:fontcolor=black@0.8:x=${x + margin}:y=${y + Math.round((boxH - size) / 2)}`
    : `drawbox=x=${x + margin}:y=${y + margin / 2}:w=${boxW - 2 * margin}:h=${boxH - margin}:color=black@0.7:t=2`;
  return `${box},${mark}`;
}

export async function renderTask(job: RenderJob): Promise<TaskMedia> {
  const g = new Graph();
  const video = withNeighbours(g, job, segment(g, job));
  const total = job.frames + (job.before?.frames ?? 0) + (job.after?.frames ?? 0);
  g.chains.push(
    `[${video}]split=4[c][w][t][l]`,
    `[w]${watermark(job)}[wm]`,
    `[t]select='eq(n,0)',split=3[t1][t2][t3]`,
    `[t2]scale=5:5:flags=area,format=rgb24[pal]`,
    `[l]select='eq(n,${total - 1})',split=2[l1][l2]`,
  );
  const work = path.join(job.outDir, `.render-${process.pid}-${Date.now()}`);
  await mkdir(work, { recursive: true });
  const out = (name: string) => path.join(work, name);
  const h264 = ["-c:v", "libx264", "-preset", job.preset, "-crf", "20", "-pix_fmt", "yuv420p"];
  const mp4 = [...h264, "-movflags", "+faststart", "-f", "mp4"];
  const one = ["-frames:v", "1"];
  try {
    await runFfmpeg(
      [
        ...g.inputs,
        "-filter_complex",
        g.chains.join(";"),
        ...["-map", "[c]", ...mp4, out(MEDIA_FILES.clean)],
        ...["-map", "[wm]", ...mp4, out(MEDIA_FILES.watermarked)],
        ...["-map", "[t1]", ...one, "-q:v", "3", out(MEDIA_FILES.thumbnail)],
        ...["-map", "[t3]", ...one, out(MEDIA_FILES.firstPng)],
        ...["-map", "[pal]", ...one, "-f", "rawvideo", out("palette.rgb")],
        ...["-map", "[l1]", ...one, "-q:v", "3", out(MEDIA_FILES.lastFrame)],
        ...["-map", "[l2]", ...one, out(MEDIA_FILES.lastPng)],
      ],
      { signal: job.signal, onSpawn: job.onSpawn },
    );
    const palette = (await readFile(out("palette.rgb"))).toString("base64");
    for (const name of Object.values(MEDIA_FILES)) {
      await rename(out(name), path.join(job.outDir, name));
    }
    return { duration: total / job.fps, palette };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
