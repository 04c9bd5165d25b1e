import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "../env";

/**
 * The server's own secret: `SESSION_SECRET` when set (several instances must share one), else 32 random
 * bytes created once in the data folder (beside MEDIA_DIR) and reused after restarts, so sessions and
 * signed keyframe links survive a restart. Read synchronously because the proxy and the route wrapper
 * both need it on the request path; it is cached after the first read.
 */

const holder = globalThis as typeof globalThis & { __lumaServerSecret?: Buffer };

export function secretFilePath(): string {
  // Beside the local media folder; with media in a bucket, in ./data (instances then share SESSION_SECRET).
  const { media } = env();
  return path.join(media.kind === "local" ? path.dirname(media.dir) : path.resolve("data"), "session-secret");
}

function readOrCreate(file: string): Buffer {
  try {
    return Buffer.from(readFileSync(file, "utf8").trim(), "base64url");
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const fresh = randomBytes(32).toString("base64url");
    try {
      // `wx`: if another process created it first, use theirs.
      writeFileSync(file, fresh, { flag: "wx", mode: 0o600 });
    } catch {
      return Buffer.from(readFileSync(file, "utf8").trim(), "base64url");
    }
    return Buffer.from(fresh, "base64url");
  }
}

function serverSecret(): Buffer {
  if (!holder.__lumaServerSecret) {
    const configured = env().security.sessionSecret;
    holder.__lumaServerSecret = configured ? Buffer.from(configured, "utf8") : readOrCreate(secretFilePath());
  }
  return holder.__lumaServerSecret;
}

/** A key for one purpose; `purpose` keeps session and keyframe signatures from standing in for each other. */
export function derivedKey(purpose: string): Buffer {
  return createHmac("sha256", serverSecret()).update(purpose).digest();
}

export function sign(purpose: string, value: string, length = 43): string {
  return createHmac("sha256", derivedKey(purpose)).update(value).digest("base64url").slice(0, length);
}
