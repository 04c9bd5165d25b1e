import type { Engine } from "./engine";
import type { Faults } from "./faults";
import type { WireContext } from "./wire";

/**
 * The simulated accounts: the official API's credit balance (each create spends its duration in seconds,
 * a still 1) and the relay token's quota (`GET /api/usage/token`; each relay create or extend spends
 * QUOTA_PER_SECOND per second of clip).
 */
export interface Account {
  credits: number;
  quota: { granted: number; used: number };
}

export const QUOTA_PER_SECOND = 1000;

/** What a route handler gets: the request, the engine, and helpers bound to this request. */
export interface RouteContext {
  request: Request;
  url: URL;
  params: string[];
  engine: Engine;
  faults: Faults;
  /** The accounts behind the token (see Account). */
  account: Account;
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
