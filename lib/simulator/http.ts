import type { Engine } from "./engine";
import type { Faults } from "./faults";
import type { WireContext } from "./wire";

/** What a route handler gets: the request, the engine, and helpers bound to this request. */
export interface RouteContext {
  request: Request;
  url: URL;
  params: string[];
  engine: Engine;
  faults: Faults;
  /** Official API credit balance; each create spends its duration in seconds. */
  account: { credits: number };
  wire: () => WireContext;
  /** Counts a request against a task, for the control endpoint's per-task counters. */
  touch: (taskId: string) => void;
  /** A keyframe field's bytes (data: URL or download through the configured fetcher); 400 if unusable. */
  readKeyframe: (url: string, field: string) => Promise<Uint8Array>;
  /** The same guarded download for a source video (modify, reframe), with its 100 MB limit. */
  readVideo: (url: string, field: string) => Promise<Uint8Array>;
}

export interface Route {
  method: string;
  pattern: RegExp;
  name: string;
  handle: (ctx: RouteContext) => Promise<Response>;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

export function detail(status: number, message: string): Response {
  return json({ detail: message }, status);
}
