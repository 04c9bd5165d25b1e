import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { type ControlDeps, handleControl, Recorder, type SimulatorState, simulatorState } from "./control";
import { Engine } from "./engine";
import {
  type FaultRule,
  type Faults,
  type FaultsInput,
  faultResponse,
  parseFaults,
  pickFault,
} from "./faults";
import { HookDispatcher } from "./hooks";
import { type Account, detail, type Route, type RouteContext } from "./http";
import { type KeyframeFetcher, plainKeyframeFetch } from "./keyframe-fetch";
import { MAX_IMAGE_BYTES, MAX_VIDEO_BYTES, readMediaUrl } from "./keyframes";
import { isServedFile, MediaSigner, serveFile } from "./media";
import { officialRoutes } from "./routes-official";
import { relayRoutes } from "./routes-relay";
import { TaskStore } from "./store";
import { SimulatorError, type TaskRecord } from "./types";
import { officialGeneration, relaySingle, type WireContext } from "./wire";

export interface SimulatorOptions {
  /** Folder for tasks and media; everything survives a restart. */
  dataDir: string;
  /** Bearer token callers must send. Default "sim-token". */
  token?: string;
  /** Base for media links (e.g. "https://studio.example/api/simulator"); default: request origin + mount. */
  publicUrl?: string;
  /** Time a task stays pending before it may start rendering. Default 1500. */
  pendingMs?: number;
  /** Minimum time in processing (rendering may take longer). Default 4000. */
  processingMs?: number;
  /** Renders at once; the rest wait as pending. Default 2. */
  concurrency?: number;
  /** ffmpeg processes at once within those renders (each ~250 MB at 720p). Default: concurrency. */
  rendersAtOnce?: number;
  fps?: number;
  /** Scales output dimensions (tests: 0.25). Default 1. */
  renderScale?: number;
  /** Scales clip durations (tests: 0.2). Default 1. */
  durationScale?: number;
  /** x264 preset. Default "veryfast". */
  preset?: string;
  /** Official API credit balance. Default 1000. */
  credits?: number;
  /** The relay token's quota (`GET /api/usage/token`'s total_granted). Default 1,000,000. */
  quota?: number;
  faults?: FaultsInput;
  /** Source of randomness for fault rates (tests inject a fixed one). Default Math.random. */
  random?: () => number;
  /**
   * Downloads keyframe URLs. Default: plain fetch with a streamed byte limit (standalone). The studio's
   * mounted simulator passes its SSRF guard, since it runs inside the studio's network.
   */
  fetchKeyframe?: KeyframeFetcher;
  /** Observes every ffmpeg child (benchmarks sample its memory). */
  onFfmpegSpawn?: (pid: number) => void;
}

export interface Simulator {
  handle(request: Request, mountPrefix?: string): Promise<Response>;
  close(): Promise<void>;
  /** Resolves once stored tasks are loaded and unfinished renders resumed. */
  ready: Promise<void>;
  faults(): Faults;
  setFaults(input: FaultsInput): Faults;
  state(): SimulatorState;
  /** Waits until no webhook delivery is under way. */
  hooksIdle(): Promise<void>;
  readonly dataDir: string;
}

const MEDIA_ROUTE = /^\/media\/([^/]+)\/([^/]+)$/;

export function createSimulator(options: SimulatorOptions): Simulator {
  const dataDir = path.resolve(options.dataDir);
  const token = options.token ?? "sim-token";
  const random = options.random ?? Math.random;
  const initialFaults = structuredClone(parseFaults(options.faults));
  let faults = structuredClone(initialFaults);
  const signer = new MediaSigner(`${token}:${dataDir}`);
  const recorder = new Recorder();
  const account: Account = {
    credits: options.credits ?? 1000,
    quota: { granted: options.quota ?? 1_000_000, used: 0 },
  };
  const hangs = new Set<() => void>();
  const routes: Route[] = [...relayRoutes, ...officialRoutes()];
  const fetchKeyframe = options.fetchKeyframe ?? plainKeyframeFetch;

  const wireFor = (base: string): WireContext => ({
    base,
    faults,
    now: Date.now(),
    signer,
    estimateWaitSeconds: (task) => engine.estimateWaitSeconds(task),
  });
  const hookBody = (task: TaskRecord) =>
    task.api === "official"
      ? officialGeneration(task, wireFor(task.baseUrl))
      : relaySingle(task, wireFor(task.baseUrl));
  const hooks = new HookDispatcher(() => faults, random, hookBody);
  const engine = new Engine({
    store: new TaskStore(dataDir),
    pendingMs: options.pendingMs ?? 1500,
    processingMs: options.processingMs ?? 4000,
    concurrency: Math.max(1, options.concurrency ?? 2),
    rendersAtOnce: options.rendersAtOnce,
    render: {
      fps: options.fps ?? 24,
      scale: options.renderScale ?? 1,
      durationScale: options.durationScale ?? 1,
      preset: options.preset ?? "veryfast",
    },
    faults: () => faults,
    random,
    onChange: (task) => hooks.notify(task),
    onSpawn: options.onFfmpegSpawn,
  });
  const ready = engine.start();

  const control: ControlDeps = {
    engine,
    mediaDir: (id) => path.join(dataDir, "media", id),
    hooks,
    recorder,
    getFaults: () => faults,
    setFaults: (input) => {
      faults = parseFaults(input);
      return faults;
    },
    resetFaults: () => {
      faults = structuredClone(initialFaults);
    },
  };

  /** A hung upstream: no answer until the caller gives up or the simulator closes. */
  const hang = (request: Request) =>
    new Promise<Response>((resolve) => {
      const release = () => {
        hangs.delete(release);
        resolve(new Response(null, { status: 504 }));
      };
      hangs.add(release);
      request.signal.addEventListener("abort", release, { once: true });
    });

  const applyFault = (rule: FaultRule, request: Request, real: Response | null) =>
    rule.kind === "hang" ? hang(request) : faultResponse(rule, real);

  async function serveMedia(match: string[], url: URL, request: Request): Promise<Response> {
    const [pathname = "", taskId = "", file = ""] = match;
    if (!isServedFile(file) || !engine.get(taskId)) return new Response("Not Found", { status: 404 });
    const verdict = signer.check(pathname, url.searchParams, Date.now());
    if (verdict !== "ok") {
      const reason = verdict === "expired" ? "Request has expired" : "Signature does not match";
      const xml = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>${reason}</Message></Error>`;
      return new Response(xml, { status: 403, headers: { "content-type": "application/xml" } });
    }
    return serveFile(path.join(dataDir, "media", taskId, file), request);
  }

  /**
   * A media link of this simulator (under this request's base) is read from its own folder, with the
   * link's signature and expiry checked as a download would check them: no network round trip, which
   * inside the studio the SSRF guard would refuse (loopback) and the media route would ask a token for.
   * Null when the URL is not one of ours; any other URL goes through `fetchKeyframe`.
   */
  async function readOwnMedia(url: string, field: string, what: "image" | "video", base: string) {
    let link: URL;
    let root: URL;
    try {
      link = new URL(url.trim());
      root = new URL(`${base}/`);
    } catch {
      return null;
    }
    if (link.origin !== root.origin || !link.pathname.startsWith(root.pathname)) return null;
    const media = MEDIA_ROUTE.exec(`/${link.pathname.slice(root.pathname.length)}`);
    if (!media) return null;
    const [pathname = "", taskId = "", file = ""] = media;
    const refuse = (reason: string) =>
      new SimulatorError(400, `${field}: could not fetch ${what} (${reason})`);
    if (!isServedFile(file) || !engine.get(taskId)) throw refuse("HTTP 404");
    const verdict = signer.check(pathname, link.searchParams, Date.now());
    if (verdict !== "ok")
      throw refuse(`HTTP 403: ${verdict === "expired" ? "link expired" : "bad signature"}`);
    const local = path.join(dataDir, "media", taskId, file);
    const info = await stat(local).catch(() => null);
    if (!info?.isFile()) throw refuse("HTTP 404");
    const limit = what === "video" ? MAX_VIDEO_BYTES : MAX_IMAGE_BYTES;
    if (info.size > limit) throw refuse(`larger than ${Math.round(limit / 1_048_576)} MB`);
    return new Uint8Array(await readFile(local));
  }

  async function answer(
    matched: Route,
    request: Request,
    url: URL,
    pathname: string,
    base: string,
    taskIds: string[],
  ) {
    const ctx: RouteContext = {
      request,
      url,
      params: (matched.pattern.exec(pathname) ?? []).slice(1),
      engine,
      faults,
      account,
      wire: () => wireFor(base),
      touch: (id) => {
        taskIds.push(id);
        recorder.touch(id);
      },
      readKeyframe: async (keyframeUrl, field) =>
        (await readOwnMedia(keyframeUrl, field, "image", base)) ??
        readMediaUrl(keyframeUrl, field, fetchKeyframe, "image"),
      readVideo: async (videoUrl, field) =>
        (await readOwnMedia(videoUrl, field, "video", base)) ??
        readMediaUrl(videoUrl, field, fetchKeyframe, "video"),
    };
    try {
      return await matched.handle(ctx);
    } catch (error) {
      if (error instanceof SimulatorError) return detail(error.status, error.detail);
      engine.errors.push({ taskId: "", message: String(error), at: new Date().toISOString() });
      return detail(500, "Internal Server Error");
    }
  }

  async function route(request: Request, url: URL, pathname: string, base: string): Promise<Response> {
    const authorized = request.headers.get("authorization")?.trim() === `Bearer ${token}`;
    if (pathname.startsWith("/_sim/")) {
      if (!authorized) return detail(401, "Invalid or missing bearer token");
      return (
        (await handleControl(pathname, request, control).catch((error: unknown) => {
          if (error instanceof SimulatorError) return detail(error.status, error.detail);
          throw error;
        })) ?? detail(404, "Not Found")
      );
    }
    const media = MEDIA_ROUTE.exec(pathname);
    const candidates = routes.filter((r) => r.pattern.test(pathname));
    const matched = candidates.find((r) => r.method === request.method);
    if (!media && !matched)
      return candidates.length > 0 ? detail(405, "Method Not Allowed") : detail(404, "Not Found");
    const name = matched?.name ?? "media";
    recorder.count(name);
    const taskIds: string[] = [];
    const rule = authorized || media ? pickFault(faults, name, random) : null;
    let response: Response;
    if (!media && !authorized) response = detail(401, "Invalid or missing bearer token");
    else if (rule && !rule.after) response = await applyFault(rule, request, null);
    else {
      // Media downloads are logged with their task but not counted per task: counters.tasks measures
      // how often a client asked the API about a task (polls), which is what the budgets are about.
      if (media) taskIds.push(media[1] ?? "");
      response = matched
        ? await answer(matched, request, url, pathname, base, taskIds)
        : await serveMedia(media ?? [], url, request);
      if (rule) response = await applyFault(rule, request, response);
    }
    recorder.record(request, pathname + url.search, name, response.status, taskIds, rule?.kind ?? null);
    return response;
  }

  async function handle(request: Request, mountPrefix = ""): Promise<Response> {
    await ready;
    const url = new URL(request.url);
    const prefix = mountPrefix.replace(/\/+$/, "");
    let pathname = url.pathname;
    if (prefix && pathname.startsWith(prefix)) pathname = pathname.slice(prefix.length) || "/";
    if (pathname.length > 1) pathname = pathname.replace(/\/+$/, "");
    const base = (options.publicUrl ?? `${url.origin}${prefix}`).replace(/\/+$/, "");
    return route(request, url, pathname, base);
  }

  return {
    handle,
    ready,
    dataDir,
    faults: () => faults,
    setFaults: control.setFaults,
    state: () => simulatorState(control),
    hooksIdle: () => hooks.idle(),
    async close() {
      await ready.catch(() => undefined);
      hooks.close();
      for (const release of [...hangs]) release();
      await engine.close();
    },
  };
}
