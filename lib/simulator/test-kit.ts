/** Helpers shared by the simulator's tests: a real server on a free port, polling, ffprobe, frame maths. */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ffprobeInstaller from "@ffprobe-installer/ffprobe";
import { z } from "zod";
import { runFfmpeg } from "./ffmpeg";
import { createSimulatorServer, type SimulatorServer, type SimulatorServerOptions } from "./server";

export const TOKEN = "test-token";
const run = promisify(execFile);

export interface TestSim extends SimulatorServer {
  dataDir: string;
  call(
    pathname: string,
    init?: { method?: string; body?: unknown; token?: string | null; signal?: AbortSignal },
  ): Promise<Response>;
  json(pathname: string, init?: { method?: string; body?: unknown }): Promise<Record<string, unknown>>;
  waitFor(id: string, states?: string[], timeoutMs?: number): Promise<Record<string, unknown>>;
  dispose(): Promise<void>;
}

/** Fast defaults: tiny, short clips; tests that check media override them. */
export async function startSim(options: Partial<SimulatorServerOptions> = {}): Promise<TestSim> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), "luma-sim-")));
  const server = await createSimulatorServer({
    port: 0,
    token: TOKEN,
    pendingMs: 50,
    processingMs: 100,
    renderScale: 0.125,
    durationScale: 0.2,
    fps: 12,
    preset: "ultrafast",
    ...options,
    dataDir,
  });
  const call: TestSim["call"] = (pathname, init = {}) => {
    const headers: Record<string, string> = {};
    if (init.token !== null) headers.authorization = `Bearer ${init.token ?? TOKEN}`;
    if (init.body !== undefined) headers["content-type"] = "application/json";
    return fetch(`${server.url}${pathname}`, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    });
  };
  const json: TestSim["json"] = async (pathname, init) =>
    z.record(z.string(), z.unknown()).parse(await (await call(pathname, init)).json());
  const waitFor: TestSim["waitFor"] = async (id, states = ["completed", "failed"], timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const task = await json(`/luma/generations/${id}`);
      if (states.includes(String(task.state))) return task;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`task ${id} did not reach ${states.join("/")} in ${timeoutMs} ms`);
  };
  return {
    ...server,
    dataDir,
    call,
    json,
    waitFor,
    async dispose() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function field(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) current = z.record(z.string(), z.unknown()).parse(current)[key];
  return current;
}

export function text(value: unknown, ...keys: string[]): string {
  return z.string().parse(field(value, ...keys));
}

const probeSchema = z.object({
  streams: z.array(
    z.object({ codec_name: z.string(), width: z.number(), height: z.number(), pix_fmt: z.string() }),
  ),
  format: z.object({ duration: z.coerce.number(), format_name: z.string() }),
});

export async function probe(source: string) {
  const { stdout } = await run(ffprobeInstaller.path, [
    ...["-v", "error", "-select_streams", "v:0", "-show_entries"],
    ...["stream=codec_name,width,height,pix_fmt:format=duration,format_name", "-of", "json", source],
  ]);
  const parsed = probeSchema.parse(JSON.parse(stdout));
  const stream = parsed.streams[0];
  if (!stream) throw new Error(`no video stream in ${source}`);
  return { ...stream, duration: parsed.format.duration, format: parsed.format.format_name };
}

const FRAME_W = 160;
const FRAME_H = 90;

/** One frame as 160×90 gray bytes; "last" decodes only the final half second. */
export async function grayFrame(source: string, frame: number | "last", crop?: string): Promise<Buffer> {
  const size = FRAME_W * FRAME_H;
  const filters = [
    crop ? `crop=${crop}` : null,
    frame === "last" ? null : `select='eq(n,${frame})'`,
    `scale=${FRAME_W}:${FRAME_H}`,
  ];
  const { stdout } = await runFfmpeg([
    ...(frame === "last" ? ["-sseof", "-0.5"] : []),
    ...["-i", source, "-vf", filters.filter(Boolean).join(",")],
    ...(frame === "last" ? [] : ["-frames:v", "1"]),
    ...["-f", "rawvideo", "-pix_fmt", "gray", "pipe:1"],
  ]);
  if (stdout.length < size) throw new Error(`no frame ${frame} in ${source}`);
  return stdout.subarray(stdout.length - size);
}

export function meanDifference(a: Buffer, b: Buffer): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return total / a.length;
}

/** A PNG made by ffmpeg's test sources ("testsrc", "smptebars", "color=c=red"...). */
export async function testImage(source: string, size = "640x360"): Promise<Buffer> {
  const { stdout } = await runFfmpeg([
    "-f",
    "lavfi",
    "-i",
    `${source}=s=${size}`,
    "-frames:v",
    "1",
    "-f",
    "image2",
    "-c:v",
    "png",
    "pipe:1",
  ]);
  return stdout;
}

export function dataUrl(png: Buffer): string {
  return `data:image/png;base64,${png.toString("base64")}`;
}

export interface Receiver {
  url: string;
  received: { path: string; body: unknown }[];
  respond: (status: number) => void;
  close(): Promise<void>;
}

/** A local HTTP server that records webhook POSTs and can serve a file. */
export async function startReceiver(files: Record<string, Buffer> = {}): Promise<Receiver> {
  const received: Receiver["received"] = [];
  let status = 200;
  const readBody = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString();
  };
  const server = createServer((req, res) => {
    const file = files[req.url ?? ""];
    if (req.method === "GET" && file) {
      res.writeHead(200, { "content-type": "image/png" }).end(file);
      return;
    }
    void readBody(req).then((body) => {
      received.push({ path: req.url ?? "", body: JSON.parse(body) });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = address && typeof address === "object" ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    respond: (next) => {
      status = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function until<T>(
  probeFn: () => T | Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probeFn();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
