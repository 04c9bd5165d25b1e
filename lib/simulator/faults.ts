import { z } from "zod";
import { FAILURE_REASONS } from "./types";

export const FAULT_KINDS = [
  "http400",
  "http500",
  "http502",
  "http429",
  "hang",
  "malformedJson",
  "error200",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const ruleSchema = z.object({
  kind: z.enum(FAULT_KINDS),
  /** Probability per matching request (0–1). */
  rate: z.number().min(0).max(1).optional(),
  /** Fire on the next N matching requests, then stop. */
  next: z.number().int().min(0).optional(),
  /** Route name ("relay.create") or family ("relay"); without it every API route matches (not media). */
  route: z.string().optional(),
  retryAfter: z.number().int().min(0).default(2),
  /** http400: the refusal's `detail`, as a relay words a request it will not take. */
  detail: z.string().default("Bad Request"),
  /** Let the request take effect first (a task is created) and answer with the fault afterwards. */
  after: z.boolean().default(false),
});
export type FaultRule = z.infer<typeof ruleSchema>;

const hookFaultsSchema = z.object({
  /** Each delivery is sent this many times. */
  repeat: z.number().int().min(1).default(1),
  /** Hold a task's deliveries until it ends, then send them newest first. */
  reorder: z.boolean().default(false),
  dropRate: z.number().min(0).max(1).default(0),
  /** States whose deliveries are never sent ("processing", ...). */
  dropStates: z.array(z.string()).default([]),
});

export const faultsSchema = z.object({
  rules: z.array(ruleSchema).default([]),
  failureRate: z.number().min(0).max(1).default(0),
  failureReasons: z
    .array(z.string().min(1))
    .min(1)
    .default([...FAILURE_REASONS]),
  blockedWords: z.array(z.string().min(1)).default([]),
  /** Relay answer shape: flat task, `{code, message, data}` wrapper, or a one-element array. */
  shape: z.enum(["flat", "wrapped", "array"]).default("flat"),
  /** State words on relay routes; "wrapper" answers in the batch wrapper shape (SUCCESS, IN_PROGRESS...). */
  states: z.enum(["relay", "official", "wrapper"]).default("relay"),
  /** "completed before the URL appears": media fields stay null this long after completion. */
  urlDelayMs: z.number().min(0).default(0),
  batchAbsent: z.boolean().default(false),
  /** Media links stop working this long after they are issued (null: never). */
  mediaTtlMs: z.number().min(0).nullable().default(null),
  hooks: hookFaultsSchema.prefault({}),
});
export type Faults = z.infer<typeof faultsSchema>;
export type FaultsInput = z.input<typeof faultsSchema>;

export function parseFaults(input: unknown): Faults {
  return faultsSchema.parse(input ?? {});
}

function routeMatches(rule: FaultRule, route: string): boolean {
  if (rule.route === undefined) return route !== "media";
  return route === rule.route || route.startsWith(`${rule.route}.`);
}

/** Picks the fault (if any) for one request and counts down `next` budgets. */
export function pickFault(faults: Faults, route: string, random: () => number): FaultRule | null {
  for (const rule of faults.rules) {
    if (!routeMatches(rule, route)) continue;
    if (rule.next !== undefined) {
      if (rule.next <= 0) continue;
      rule.next -= 1;
      return rule;
    }
    if (rule.rate !== undefined && random() < rule.rate) return rule;
  }
  return null;
}

const BAD_GATEWAY_PAGE = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;

export const NOT_FOUND_PAGE = `<!DOCTYPE html>
<html><head><title>404 Not Found</title></head>
<body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>
`;

/** The answer a misbehaving relay gives; `real` is the answer that would have been sent. */
export async function faultResponse(rule: FaultRule, real: Response | null): Promise<Response> {
  const json = { "content-type": "application/json" };
  switch (rule.kind) {
    case "http400":
      return new Response(JSON.stringify({ detail: rule.detail }), { status: 400, headers: json });
    case "http500":
      return new Response(JSON.stringify({ detail: "Internal Server Error" }), {
        status: 500,
        headers: json,
      });
    case "http502":
      return new Response(BAD_GATEWAY_PAGE, { status: 502, headers: { "content-type": "text/html" } });
    case "http429":
      return new Response(JSON.stringify({ detail: "Too many requests, please retry later" }), {
        status: 429,
        headers: { ...json, "retry-after": String(rule.retryAfter) },
      });
    case "error200":
      return new Response(
        JSON.stringify({ code: 500, message: "upstream service busy, please try again", data: null }),
        { status: 200, headers: json },
      );
    case "malformedJson":
      return new Response(await truncated(real), { status: 200, headers: json });
    case "hang":
      throw new Error("hang is answered by the router");
  }
}

async function truncated(real: Response | null): Promise<string> {
  if (!real) return '{"id": "3f1c", "state": "pend';
  const text = await real.text();
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}
