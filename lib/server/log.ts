import "server-only";
import { type Redact, redactorFor } from "@/lib/luma/secrets";
import { env } from "./env";

/**
 * Structured one-line JSON logs. Secrets never reach a log line: every string is scrubbed of the
 * configured API key, passcode, session secret, simulator token, S3 secret and database password (in
 * every form lib/luma/secrets.ts knows: any case, fragments of 12+ characters, URL, base64 and hex
 * encodings), of
 * Authorization and Cookie header values and of any `passcode` field, and errors are reduced to their
 * name and message (no `cause` chains that could
 * hold a request with an Authorization header).
 */

type Level = "debug" | "info" | "warn" | "error";

function secrets(): string[] {
  try {
    const config = env();
    const { upstream, security, simulator } = config;
    const found = [
      "apiKey" in upstream ? upstream.apiKey : null,
      security.passcode,
      security.sessionSecret,
      simulator.token,
      // The simulator's per-process token when none is configured (simulator-link.ts).
      (globalThis as { __lumaSimulatorToken?: string }).__lumaSimulatorToken ?? null,
      config.media.kind === "s3" ? (config.media.credentials?.secretAccessKey ?? null) : null,
    ];
    if (config.database.kind === "postgres") {
      const password = new URL(config.database.url).password;
      if (password) found.push(password, decodeURIComponent(password));
    }
    return found.filter((value): value is string => value !== null && value.length >= 4);
  } catch {
    return [];
  }
}

let cached: { key: string; redact: Redact } | null = null;

function redactor(extra: string[]): Redact {
  const values = [...secrets(), ...extra];
  const key = values.join("\u0000");
  if (cached?.key !== key) cached = { key, redact: redactorFor(values) };
  return cached.redact;
}

export function scrub(text: string, extra: string[] = []): string {
  return redactor(extra)(text)
    .replace(/(authorization["']?\s*[:=]\s*["']?)(bearer\s+)?[^\s"',}]+/gi, "$1[redacted]")
    .replace(/((?:set-)?cookie["']?\s*[:=]\s*["']?)[^"'}\n]+/gi, "$1[redacted]")
    .replace(/(passcode["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, "$1[redacted]");
}

/**
 * A failed database query (drizzle's DrizzleQueryError) carries the statement and every bound parameter
 * (idempotency keys, hook secrets, prompts) in its message and stack: only the database's own error
 * code and message are logged.
 */
function queryFailure(error: Error): Record<string, unknown> | null {
  if (!("query" in error && "params" in error)) return null;
  const cause = error.cause;
  const code = cause && typeof cause === "object" && "code" in cause ? String(cause.code) : undefined;
  return {
    name: "DatabaseError",
    code,
    message: cause instanceof Error ? cause.message : "the query failed",
  };
}

function loggable(value: unknown): unknown {
  if (value instanceof Error) {
    return queryFailure(value) ?? { name: value.name, message: value.message, stack: value.stack };
  }
  return value;
}

function write(level: Level, message: string, fields: Record<string, unknown> = {}) {
  const entries = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, loggable(value)]));
  const line = scrub(JSON.stringify({ time: new Date().toISOString(), level, message, ...entries }));
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
