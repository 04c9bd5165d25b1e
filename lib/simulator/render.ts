import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { runFfmpeg } from "./ffmpeg";
import { promptSeed, sceneExpressions } from "./scene";
import type { Edit, Rect, TaskRecord } from "./types";

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
  imageJpg: "image.jpg",
  imagePng: "image.png",
} as const;

/** What a video render leaves in the task's folder (a still leaves its image and the thumbnail). */
const VIDEO_OUTPUTS = [
  MEDIA_FILES.clean,
  MEDIA_FILES.watermarked,
  MEDIA_FILES.thumbnail,
  MEDIA_FILES.lastFrame,
  MEDIA_FILES.firstPng,
  MEDIA_FILES.lastPng,
];

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

type SceneJob = Pick<RenderJob, "width" | "height" | "fps" | "frames" | "prompt" | "loop">;

function scene(g: Graph, job: SceneJob): string {
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

function watermark(job: Pick<RenderJob, "width" | "height">): string {
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
    for (const name of VIDEO_OUTPUTS) {
      await rename(out(name), path.join(job.outDir, name));
    }
    return { duration: total / job.fps, palette };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export interface EditJob {
  outDir: string;
  width: number;
  height: number;
  fps: number;
  prompt: string;
  edit: Edit;
  /** Absolute paths of the edit's inputs in the task's folder. */
  source: string | null;
  firstFrame: string | null;
  base: string | null;
  /** Length of the source video in seconds (0 for stills). */
  sourceSeconds: number;
  /** Set when the result is a still. */
  format: "jpg" | "png" | null;
  preset: string;
  signal?: AbortSignal;
  onSpawn?: (pid: number) => void;
}

const even = (n: number) => Math.max(2, 2 * Math.round(n / 2));

/** The source fitted into `rect` over a blurred copy of itself stretched to the canvas. */
function placed(g: Graph, input: string, job: EditJob, rect: Rect): string {
  const radius = Math.max(2, Math.round(Math.min(job.width, job.height) / 24));
  g.chains.push(
    `[${input}]split=2[rb][rf]`,
    `[rb]scale=${job.width}:${job.height}:force_original_aspect_ratio=increase,crop=${job.width}:${job.height},` +
      `boxblur=luma_radius=${radius}:luma_power=2:chroma_radius=${Math.max(1, Math.floor(radius / 2))},eq=brightness=-0.08[bg]`,
    `[rf]scale=${even(rect.width)}:${even(rect.height)},setsar=1[fg]`,
    `[bg][fg]overlay=x=${Math.round(rect.x)}:y=${Math.round(rect.y)},setsar=1,format=yuv420p[placed]`,
  );
  return "placed";
}

/** The edited picture of a video edit, at the job's size and fps. */
function editedVideo(g: Graph, job: EditJob, frames: number): string {
  const edit = job.edit;
  const index = g.input("-i", job.source ?? "");
  const trimmed = `[${index}:v]fps=${job.fps},trim=end_frame=${frames},setpts=PTS-STARTPTS,setsar=1`;
  const size = `scale=${job.width}:${job.height}:flags=lanczos,setsar=1,format=yuv420p`;
  if (edit.op === "reframe") {
    g.chains.push(`${trimmed}[src]`);
    return placed(g, "src", job, edit.rect);
  }
  if (edit.op !== "modify") {
    g.chains.push(`${trimmed},${size}[edited]`);
    return "edited";
  }
  g.chains.push(`${trimmed},${size},hue=h=${edit.hue}:s=${edit.saturation}[tinted]`);
  if (!job.firstFrame) return "tinted";
  const fade = Math.min(0.6, frames / job.fps / 2).toFixed(2);
  const still = g.input("-loop", "1", "-framerate", String(job.fps), "-t", fade, "-i", job.firstFrame);
  g.chains.push(
    `[${still}:v]scale=${job.width}:${job.height},setsar=1,format=yuva420p,fade=t=out:st=0:d=${fade}:alpha=1[ff]`,
    `[tinted][ff]overlay=eof_action=pass:format=yuv420,format=yuv420p[edited]`,
  );
  return "edited";
}

async function inWorkDir<T>(
  outDir: string,
  names: string[],
  fn: (out: (name: string) => string) => Promise<T>,
) {
  const work = path.join(outDir, `.render-${process.pid}-${Date.now()}`);
  await mkdir(work, { recursive: true });
  const out = (name: string) => path.join(work, name);
  try {
    const result = await fn(out);
    for (const name of names) await rename(out(name), path.join(outDir, name));
    return result;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function renderStill(job: EditJob, format: "jpg" | "png"): Promise<TaskMedia> {
  const g = new Graph();
  const edit = job.edit;
  let picture: string;
  if (edit.op === "reframe") {
    const index = g.input("-i", job.source ?? "");
    g.chains.push(`[${index}:v]format=yuv444p,setsar=1[src]`);
    picture = placed(g, "src", job, edit.rect);
  } else if (edit.op === "image" && job.base) {
    const index = g.input("-i", job.base);
    // The prompt still leaves its mark on a modified image: a hue turn that grows as the weight falls.
    const hue = Math.round((1 - edit.weight) * 90);
    g.chains.push(`[${index}:v]scale=${job.width}:${job.height},setsar=1,hue=h=${hue},format=yuv420p[based]`);
    picture = "based";
  } else {
    picture = scene(g, {
      width: job.width,
      height: job.height,
      fps: job.fps,
      frames: 1,
      prompt: job.prompt,
      loop: false,
    });
  }
  const file = format === "png" ? MEDIA_FILES.imagePng : MEDIA_FILES.imageJpg;
  g.chains.push(
    `[${picture}]split=3[i][t][p0]`,
    `[p0]scale=5:5:flags=area,format=rgb24[pal]`,
    `[i]format=${format === "png" ? "rgb24" : "yuvj444p"}[img]`,
  );
  const one = ["-frames:v", "1", "-update", "1"];
  return inWorkDir(job.outDir, [file, MEDIA_FILES.thumbnail], async (out) => {
    await runFfmpeg(
      [
        ...g.inputs,
        "-filter_complex",
        g.chains.join(";"),
        ...["-map", "[img]", ...one, ...(format === "jpg" ? ["-q:v", "2"] : []), out(file)],
        ...["-map", "[t]", ...one, "-q:v", "3", out(MEDIA_FILES.thumbnail)],
        ...["-map", "[pal]", ...one, "-f", "rawvideo", out("palette.rgb")],
      ],
      { signal: job.signal, onSpawn: job.onSpawn },
    );
    return { duration: 0, palette: (await readFile(out("palette.rgb"))).toString("base64") };
  });
}

/** Renders a generation derived from media: upscale, add audio, modify, reframe, or a Photon still. */
export async function renderEdit(job: EditJob): Promise<TaskMedia> {
  if (job.format) return renderStill(job, job.format);
  const g = new Graph();
  const frames = Math.max(2, Math.round(job.sourceSeconds * job.fps));
  const video = editedVideo(g, job, frames);
  g.chains.push(
    `[${video}]split=4[c][w][t][l]`,
    `[w]${watermark(job)}[wm]`,
    `[t]select='eq(n,0)',split=3[t1][t2][t3]`,
    `[t2]scale=5:5:flags=area,format=rgb24[pal]`,
    // The source's own length may round to a frame or two fewer: the last few frames are written over
    // one another (-update), so the file ends up holding whichever frame really was last.
    `[l]select='gte(n,${frames - 3})',split=2[l1][l2]`,
  );
  const seconds = (frames / job.fps).toFixed(3);
  const audio: string[] = [];
  if (job.edit.op === "add_audio") {
    const tone = g.input(
      "-f",
      "lavfi",
      "-i",
      `sine=frequency=${job.edit.frequency}:sample_rate=44100:duration=${seconds}`,
    );
    const noise = g.input(
      "-f",
      "lavfi",
      "-i",
      `anoisesrc=color=pink:amplitude=0.04:sample_rate=44100:duration=${seconds}`,
    );
    g.chains.push(
      `[${tone}:a]volume=0.25[tone]`,
      `[tone][${noise}:a]amix=inputs=2:duration=first,afade=t=out:st=${Math.max(0, Number(seconds) - 0.3).toFixed(3)}:d=0.3,asplit=2[a1][a2]`,
    );
    audio.push("-c:a", "aac", "-b:a", "96k", "-ar", "44100");
  }
  const h264 = ["-c:v", "libx264", "-preset", job.preset, "-crf", "20", "-pix_fmt", "yuv420p"];
  const mp4 = (track: string) => [
    ...(audio.length ? ["-map", `[${track}]`, ...audio] : []),
    ...h264,
    "-movflags",
    "+faststart",
    "-f",
    "mp4",
  ];
  const one = ["-frames:v", "1"];
  const last = ["-update", "1", "-q:v", "3"];
  return inWorkDir(job.outDir, VIDEO_OUTPUTS, async (out) => {
    await runFfmpeg(
      [
        ...g.inputs,
        "-filter_complex",
        g.chains.join(";"),
        ...["-map", "[c]", ...mp4("a1"), out(MEDIA_FILES.clean)],
        ...["-map", "[wm]", ...mp4("a2"), out(MEDIA_FILES.watermarked)],
        ...["-map", "[t1]", ...one, "-q:v", "3", out(MEDIA_FILES.thumbnail)],
        ...["-map", "[t3]", ...one, out(MEDIA_FILES.firstPng)],
        ...["-map", "[pal]", ...one, "-f", "rawvideo", out("palette.rgb")],
        ...["-map", "[l1]", ...last, out(MEDIA_FILES.lastFrame)],
        ...["-map", "[l2]", "-update", "1", out(MEDIA_FILES.lastPng)],
      ],
      { signal: job.signal, onSpawn: job.onSpawn },
    );
    return { duration: frames / job.fps, palette: (await readFile(out("palette.rgb"))).toString("base64") };
  });
}
