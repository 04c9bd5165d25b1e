import "server-only";
import { log } from "./log";
import { provider } from "./upstream";

/**
 * The camera motions the composer offers (`GET /generations/concepts/list` on the official API), asked
 * once and kept: the list changes with Luma's releases, not between clicks. One request at a time
 * (every tab that asks meanwhile shares it); a failure is kept only briefly, so the chips come back as
 * soon as the upstream answers again. Empty where the provider has no concepts.
 */

export const CONCEPTS_CACHE_MS = 60 * 60_000;
export const CONCEPTS_RETRY_MS = 30_000;
const TIMEOUT_MS = 10_000;

interface Cached {
  at: number;
  ok: boolean;
  value: Promise<string[]>;
}

const holder = globalThis as typeof globalThis & { __lumaConcepts?: Cached | null };

/** The keys, or null when the upstream could not say (the composer then shows no chips). */
export async function cameraConcepts(now = Date.now()): Promise<string[] | null> {
  const upstream = provider();
  if (!upstream.capabilities.concepts || !upstream.concepts) return [];
  const cached = holder.__lumaConcepts;
  const fresh = cached && now - cached.at < (cached.ok ? CONCEPTS_CACHE_MS : CONCEPTS_RETRY_MS);
  if (!fresh) {
    const entry: Cached = {
      at: now,
      ok: true,
      value: upstream.concepts({ signal: AbortSignal.timeout(TIMEOUT_MS) }).catch((error: unknown) => {
        entry.ok = false;
        log.warn("camera concepts unavailable", { error });
        throw error;
      }),
    };
    entry.value.catch(() => {});
    holder.__lumaConcepts = entry;
  }
  try {
    return await (holder.__lumaConcepts as Cached).value;
  } catch {
    return null;
  }
}

/** Forgets the kept list (tests, a provider change). */
export function forgetConcepts(): void {
  holder.__lumaConcepts = null;
}
