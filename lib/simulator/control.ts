import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Engine } from "./engine";
import { type Faults, type FaultsInput, faultsSchema } from "./faults";
import type { HookDelivery, HookDispatcher } from "./hooks";
import { json } from "./http";
import { SimulatorError } from "./types";

export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  route: string;
  status: number;
  taskIds: string[];
  fault: string | null;
  /** Request headers without credentials. */
  headers: Record<string, string>;
}

export interface SimulatorState {
  counters: { total: number; routes: Record<string, number>; tasks: Record<string, number> };
  log: RequestLogEntry[];
  hooks: HookDelivery[];
  faults: Faults;
  queue: { running: string[]; queued: string[] };
  tasks: {
    id: string;
    state: string;
    kind: string;
    api: string;
    createdAt: string;
    completedAt: string | null;
  }[];
  errors: { taskId: string; message: string; at: string }[];
}

const SECRET_HEADERS = new Set(["authorization", "cookie", "proxy-authorization", "x-api-key"]);
const LOG_LIMIT = 1000;

/** Counters and the request log behind `GET /_sim/state`. */
export class Recorder {
  counters: SimulatorState["counters"] = { total: 0, routes: {}, tasks: {} };
  log: RequestLogEntry[] = [];

  count(route: string): void {
    this.counters.total++;
    this.counters.routes[route] = (this.counters.routes[route] ?? 0) + 1;
  }

  touch(taskId: string): void {
    this.counters.tasks[taskId] = (this.counters.tasks[taskId] ?? 0) + 1;
  }

  record(
    request: Request,
    path: string,
    route: string,
    status: number,
    taskIds: string[],
    fault: string | null,
  ) {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      if (!SECRET_HEADERS.has(key)) headers[key] = value;
    });
    this.log.push({
      at: new Date().toISOString(),
      method: request.method,
      path,
      route,
      status,
      taskIds,
      fault,
      headers,
    });
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
  }

  clear(): void {
    this.counters = { total: 0, routes: {}, tasks: {} };
    this.log = [];
  }
}

export interface ControlDeps {
  engine: Engine;
  /** Folder of one task's media, where the keyframes it received are kept as sent. */
  mediaDir: (taskId: string) => string;
  hooks: HookDispatcher;
  recorder: Recorder;
  getFaults: () => Faults;
  setFaults: (input: FaultsInput) => Faults;
  resetFaults: () => void;
}

export function simulatorState(deps: ControlDeps): SimulatorState {
  return {
    counters: structuredClone(deps.recorder.counters),
    log: [...deps.recorder.log],
    hooks: [...deps.hooks.log],
    faults: deps.getFaults(),
    queue: deps.engine.stats(),
    tasks: deps.engine.list().map(({ id, state, kind, api, createdAt, completedAt }) => ({
      id,
      state,
      kind,
      api,
      createdAt,
      completedAt,
    })),
    errors: [...deps.engine.errors],
  };
}

/** The keyframe bytes exactly as a create request delivered them, so tests can check what went upstream. */
async function receivedKeyframe(deps: ControlDeps, taskId: string, which: string): Promise<Response> {
  if (!deps.engine.get(taskId)) throw new SimulatorError(404, "Unknown task");
  const dir = deps.mediaDir(taskId);
  const files = await readdir(dir).catch(() => [] as string[]);
  const original = files.find((file) => file.startsWith(`${which}.png.`));
  if (!original) throw new SimulatorError(404, `The task received no ${which} keyframe`);
  return new Response(new Uint8Array(await readFile(path.join(dir, original))), {
    headers: { "content-type": "application/octet-stream" },
  });
}

/** `/_sim/*`: observe counters and logs, switch faults, reset. Same bearer token as the API. */
export async function handleControl(
  path: string,
  request: Request,
  deps: ControlDeps,
): Promise<Response | null> {
  if (path === "/_sim/state" && request.method === "GET") return json(simulatorState(deps));
  const keyframe = /^\/_sim\/tasks\/([\w-]+)\/keyframes\/(start|end)$/.exec(path);
  if (keyframe && request.method === "GET") return receivedKeyframe(deps, keyframe[1]!, keyframe[2]!);
  if (path === "/_sim/faults" && request.method === "GET") return json(deps.getFaults());
  if (path === "/_sim/faults" && request.method === "POST") {
    const body: unknown = await request.json().catch(() => {
      throw new SimulatorError(400, "Request body must be valid JSON");
    });
    // `?merge=1` changes only the given keys; otherwise the body replaces every fault setting.
    const merge = new URL(request.url).searchParams.get("merge") === "1";
    const input = merge && body && typeof body === "object" ? { ...deps.getFaults(), ...body } : body;
    const parsed = faultsSchema.safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SimulatorError(400, `${issue?.path.join(".") ?? "faults"}: ${issue?.message ?? "invalid"}`);
    }
    return json(deps.setFaults(parsed.data));
  }
  if (path === "/_sim/reset" && request.method === "POST") {
    deps.recorder.clear();
    deps.hooks.log.length = 0;
    deps.engine.errors.length = 0;
    deps.resetFaults();
    return json({ ok: true });
  }
  return null;
}
