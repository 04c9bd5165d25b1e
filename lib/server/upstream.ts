import "server-only";
import { createProvider, type LumaProvider } from "@/lib/luma";
import { env } from "./env";
import { log } from "./log";
import { upstreamConnection } from "./upstream-link";

/**
 * The configured upstream behind the one provider interface. In simulator mode the studio talks to its
 * own mounted simulator over HTTP through the ordinary relay client, so the real code path is exercised.
 */

const holder = globalThis as typeof globalThis & { __lumaProvider?: LumaProvider };

function build(): LumaProvider {
  const logger = (line: { level: "debug" | "warn"; event: string; detail: Record<string, unknown> }) =>
    log[line.level](`upstream ${line.event}`, line.detail);
  return createProvider({ ...upstreamConnection(), log: logger });
}

export function provider(): LumaProvider {
  holder.__lumaProvider ??= build();
  return holder.__lumaProvider;
}

/** The provider's name as stored on each task: "simulator", "relay" or "official". */
export function providerName(): "simulator" | "relay" | "official" {
  return env().upstream.kind;
}
