import "server-only";
import { type Env, formatEnvError, parseEnv } from "./env-schema";

/**
 * The studio's configuration, parsed once from `process.env`. This is the only module that reads
 * `process.env` (besides Next.js itself); everything else asks `env()`.
 */
let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const result = parseEnv(process.env);
    if (!result.success) throw new Error(formatEnvError(result.error));
    cached = result.data;
  }
  return cached;
}

/** For tests that change the environment between cases. */
export function resetEnvForTests(): void {
  cached = undefined;
}

export type { Env };
