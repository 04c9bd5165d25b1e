import { isSuccessCode } from "./error-body";
import { isLumaError } from "./errors";
import { isRecord } from "./fields";
import { createHttpContext, type HttpAnswer, type HttpContext, requireJson, send } from "./http";
import { createOfficialClient } from "./official-client";
import {
  accountEnvelopeSchema,
  billingSubscriptionSchema,
  billingUsageSchema,
  tokenUsageSchema,
} from "./schemas";
import type { LumaLogger } from "./types";

/**
 * What the account behind the studio's token has left, read from whichever account endpoint the upstream
 * answers (UPSTREAM.md §2 and §6). A balance is a nicety: every failure (404, an HTML page, not JSON, a
 * wrong shape, a timeout) moves on to the next source and, when none answers, the result is null. It never
 * throws, and nothing it returns or logs carries the token (the transport's log lines are redacted).
 */

export interface Balance {
  /** `credits`: the official `/credits`; `token_usage`: a relay's `/api/usage/token`; `billing`: the OpenAI pair. */
  source: "credits" | "token_usage" | "billing";
  amount: number;
  /** Luma credits, a relay's quota units, or US dollars. */
  unit: "credits" | "quota" | "usd";
  /** A relay token without a quota: `amount` means nothing then. */
  unlimited: boolean;
}

export interface BalanceConnection {
  kind: "relay" | "official";
  /** The same base URL the provider client uses (a relay's root, or the official `…/dream-machine/v1`). */
  baseUrl: string;
  apiKey: string;
}

export interface BalanceOptions {
  fetch?: typeof globalThis.fetch;
  /** Per request; the relay may be asked up to three times. Default 4 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
  log?: LumaLogger;
}

/** A billing limit this high is how one-api style relays report a token without a quota. */
const UNLIMITED_USD = 100_000_000;

export async function readBalance(
  connection: BalanceConnection,
  options: BalanceOptions = {},
): Promise<Balance | null> {
  const transport = {
    baseUrl: connection.baseUrl,
    apiKey: connection.apiKey,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 4_000,
    // A balance is asked for again soon enough; one attempt each keeps a missing endpoint cheap.
    retries: 0,
    log: options.log,
  };
  let ctx: HttpContext;
  try {
    ctx = createHttpContext(transport);
  } catch {
    return null;
  }
  const call = options.signal ? { signal: options.signal } : {};

  if (connection.kind === "official") {
    return attempt(ctx, "credits", async () => {
      const credits = await createOfficialClient(transport).credits(call);
      return { source: "credits", amount: credits, unit: "credits", unlimited: false };
    });
  }

  const usage = await attempt(ctx, "token_usage", () =>
    send(ctx, { method: "GET", path: "/api/usage/token", idempotent: true, ...call }, (answer) =>
      tokenUsageOf(answer, ctx),
    ),
  );
  if (usage || options.signal?.aborted) return usage;
  return attempt(ctx, "billing", async () => {
    const limit = await send(
      ctx,
      { method: "GET", path: "/v1/dashboard/billing/subscription", idempotent: true, ...call },
      (answer) => billingSubscriptionSchema.parse(dataOf(requireJson(answer, ctx))).hard_limit_usd,
    );
    const spentCents = await send(
      ctx,
      { method: "GET", path: "/v1/dashboard/billing/usage", idempotent: true, ...call },
      (answer) => billingUsageSchema.parse(dataOf(requireJson(answer, ctx))).total_usage,
    );
    if (limit >= UNLIMITED_USD) return { source: "billing", amount: 0, unit: "usd", unlimited: true };
    const amount = Math.round((limit - spentCents / 100) * 100) / 100;
    return { source: "billing", amount, unit: "usd", unlimited: false };
  });
}

/** Runs one source; any failure is logged (kind and status only) and becomes null. */
async function attempt(
  ctx: HttpContext,
  source: Balance["source"],
  read: () => Promise<Balance | null>,
): Promise<Balance | null> {
  try {
    const balance = await read();
    return balance && Number.isFinite(balance.amount) ? balance : null;
  } catch (error) {
    ctx.log({
      level: "debug",
      event: "luma.balance.unavailable",
      detail: {
        source,
        kind: isLumaError(error) ? error.kind : "unreadable",
        status: isLumaError(error) ? (error.status ?? null) : null,
      },
    });
    return null;
  }
}

function tokenUsageOf(answer: HttpAnswer, ctx: HttpContext): Balance {
  const usage = tokenUsageSchema.parse(dataOf(requireJson(answer, ctx)));
  const unlimited = usage.unlimited_quota === true;
  const derived =
    usage.total_granted != null && usage.total_used != null ? usage.total_granted - usage.total_used : null;
  const amount = usage.total_available ?? derived ?? (unlimited ? 0 : null);
  if (amount === null) throw new Error("the token usage answer has no total_available");
  return { source: "token_usage", amount, unit: "quota", unlimited };
}

/**
 * The payload of a `{code, message, data}` (or `{success, data}`) answer, or the body itself when it has no
 * envelope. A failure code is an error: the endpoint answered, but not with a balance.
 */
function dataOf(body: unknown): unknown {
  if (!isRecord(body) || !("data" in body) || !("code" in body || "success" in body)) return body;
  const envelope = accountEnvelopeSchema.parse(body);
  const ok =
    envelope.success === true ||
    envelope.code === true ||
    (typeof envelope.code !== "boolean" && envelope.code !== undefined && isSuccessCode(envelope.code));
  if (!ok) throw new Error("the account answer reports a failure");
  return envelope.data;
}
