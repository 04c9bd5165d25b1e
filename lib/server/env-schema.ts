import "server-only";
import path from "node:path";
import { z } from "zod";
import { MediaEnvShape, toMediaConfig } from "./env-media";
import { AllowedHostsSchema, TrustedProxiesSchema } from "./env-trust";

/**
 * Pure parsing of the environment, kept apart from `env.ts` so scripts (tsx) and tests can use it
 * without the `server-only` guard. It never prints values, only variable names and what is allowed,
 * because some of them are secrets.
 */

const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());

const httpUrl = (name: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .url({ protocol: /^https?$/, error: `${name} must be an http(s) URL, e.g. https://example.com` })
      .transform((value) => value.replace(/\/+$/, ""))
      .optional(),
  );

const DatabaseSchema = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return { kind: "pglite" as const, dataDir: path.resolve("data/db") };
      if (/^postgres(ql)?:\/\//.test(value)) return { kind: "postgres" as const, url: value };
      const dir = value.replace(/^(pglite|file):(\/\/)?/, "");
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(dir) || dir.length === 0) {
        ctx.addIssue({
          code: "custom",
          message:
            "DATABASE_URL must be postgres://…, postgresql://…, pglite:<folder>, or unset for the embedded database",
        });
        return z.NEVER;
      }
      return { kind: "pglite" as const, dataDir: path.resolve(dir) };
    }),
);

const intInRange = (name: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: `${name} must be a whole number from ${min} to ${max}` })
      .int({ error: `${name} must be a whole number from ${min} to ${max}` })
      .min(min, { error: `${name} must be a whole number from ${min} to ${max}` })
      .max(max, { error: `${name} must be a whole number from ${min} to ${max}` })
      .default(fallback),
  );

export type ShareEmbed = { kind: "none" } | { kind: "any" } | { kind: "origins"; origins: string[] };

const RawEnvSchema = z.object({
  LUMA_PROVIDER: z.preprocess(
    emptyToUndefined,
    z
      .enum(["simulator", "relay", "official"], {
        error: "LUMA_PROVIDER must be one of: simulator, relay, official",
      })
      .optional(),
  ),
  LUMA_BASE_URL: httpUrl("LUMA_BASE_URL"),
  LUMA_API_KEY: optionalString,
  DATABASE_URL: DatabaseSchema,
  ...MediaEnvShape,
  SIMULATOR_DIR: z
    .preprocess(emptyToUndefined, z.string().default("data/simulator"))
    .transform((dir) => path.resolve(dir)),
  SIMULATOR_TOKEN: z.preprocess(
    emptyToUndefined,
    z.string().min(8, { error: "SIMULATOR_TOKEN must be at least 8 characters" }).optional(),
  ),
  // Which upstream the built-in simulator stands in for: a relay (the default) or Luma's Dream Machine API,
  // whose tools (modify, upscale, audio, …) the studio then offers offline.
  SIMULATOR_API: z.preprocess(
    emptyToUndefined,
    z
      .enum(["relay", "official"], { error: "SIMULATOR_API must be one of: relay, official" })
      .default("relay"),
  ),
  SIMULATOR_SPEED: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: "SIMULATOR_SPEED must be a number from 0.01 to 100 (1 = demo timings)" })
      .min(0.01, { error: "SIMULATOR_SPEED must be a number from 0.01 to 100 (1 = demo timings)" })
      .max(100, { error: "SIMULATOR_SPEED must be a number from 0.01 to 100 (1 = demo timings)" })
      .default(1),
  ),
  PUBLIC_BASE_URL: httpUrl("PUBLIC_BASE_URL"),
  PORT: intInRange("PORT", 1, 65535, 3000),
  STUDIO_PASSCODE: z.preprocess(
    emptyToUndefined,
    z.string().min(8, { error: "STUDIO_PASSCODE must be at least 8 characters" }).optional(),
  ),
  SESSION_SECRET: z.preprocess(
    emptyToUndefined,
    z.string().min(32, { error: "SESSION_SECRET must be at least 32 characters" }).optional(),
  ),
  SUBMIT_RATE_LIMIT: intInRange("SUBMIT_RATE_LIMIT", 1, 100_000, 20),
  // Unset: five clients' worth of SUBMIT_RATE_LIMIT, for the whole studio (all instances together).
  SUBMIT_RATE_LIMIT_TOTAL: intInRange("SUBMIT_RATE_LIMIT_TOTAL", 1, 1_000_000, 1).optional(),
  TRUSTED_PROXIES: TrustedProxiesSchema,
  ALLOWED_HOSTS: AllowedHostsSchema,
  SHARE_EMBED: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default("false")
      .transform((value, ctx): ShareEmbed => {
        if (value === "false" || value === "0") return { kind: "none" };
        if (value === "true" || value === "1") return { kind: "any" };
        const origins = value.split(/[\s,]+/).filter(Boolean);
        if (origins.every((origin) => /^https?:\/\/[A-Za-z0-9.-]+(:\d+)?$/.test(origin)))
          return { kind: "origins", origins };
        ctx.addIssue({
          code: "custom",
          message: "SHARE_EMBED must be true, false, or a list of origins like https://blog.example.com",
        });
        return z.NEVER;
      }),
  ),
  // The address `next start -H` was given, when the launcher exports it; a host name (not an IP) is ignored.
  HOST: optionalString,
  HOSTNAME: optionalString,
  WATCHER_ENABLED: z.preprocess(
    emptyToUndefined,
    z
      .enum(["true", "false", "1", "0"], { error: "WATCHER_ENABLED must be true or false" })
      .default("true")
      .transform((value) => value === "true" || value === "1"),
  ),
});

const DEFAULT_BASE_URLS = {
  relay: undefined,
  official: "https://api.lumalabs.ai/dream-machine/v1",
} as const;

const EnvSchema = RawEnvSchema.transform((raw, ctx) => {
  const provider = raw.LUMA_PROVIDER ?? (raw.LUMA_API_KEY ? "relay" : "simulator");
  let upstream: { kind: "relay" | "official"; baseUrl: string; apiKey: string } | { kind: "simulator" };
  if (provider === "simulator") {
    upstream = { kind: "simulator" };
  } else {
    const baseUrl = raw.LUMA_BASE_URL ?? DEFAULT_BASE_URLS[provider];
    if (!baseUrl) {
      ctx.addIssue({
        code: "custom",
        path: ["LUMA_BASE_URL"],
        message: `LUMA_BASE_URL is required when LUMA_PROVIDER=${provider} (the relay's address, e.g. https://relay.example.com)`,
      });
      return z.NEVER;
    }
    if (!raw.LUMA_API_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["LUMA_API_KEY"],
        message: `LUMA_API_KEY is required when LUMA_PROVIDER=${provider}`,
      });
      return z.NEVER;
    }
    upstream = { kind: provider, baseUrl, apiKey: raw.LUMA_API_KEY };
  }
  const media = toMediaConfig(raw, ctx);
  if (media === null) return z.NEVER;
  return {
    upstream,
    database: raw.DATABASE_URL,
    media,
    simulator: {
      dataDir: raw.SIMULATOR_DIR,
      speed: raw.SIMULATOR_SPEED,
      token: raw.SIMULATOR_TOKEN ?? null,
      api: raw.SIMULATOR_API,
    },
    publicBaseUrl: raw.PUBLIC_BASE_URL ?? null,
    port: raw.PORT,
    watcher: { enabled: raw.WATCHER_ENABLED },
    security: {
      passcode: raw.STUDIO_PASSCODE ?? null,
      sessionSecret: raw.SESSION_SECRET ?? null,
      submitsPerMinute: raw.SUBMIT_RATE_LIMIT,
      submitsPerMinuteTotal: raw.SUBMIT_RATE_LIMIT_TOTAL ?? raw.SUBMIT_RATE_LIMIT * 5,
      trustedProxies: raw.TRUSTED_PROXIES,
      allowedHosts: raw.ALLOWED_HOSTS,
      shareEmbed: raw.SHARE_EMBED,
      bindHost: raw.HOST ?? raw.HOSTNAME ?? null,
    },
  };
});

export type Env = z.output<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined>) {
  return EnvSchema.safeParse(source);
}

/** One line per problem, naming the variable and what is allowed; never the value. */
export function formatEnvError(error: z.ZodError): string {
  const lines = error.issues.map((issue) => {
    const variable = issue.path.join(".") || "environment";
    return issue.message.includes(variable) ? issue.message : `${variable}: ${issue.message}`;
  });
  return `Invalid configuration: ${lines.join("; ")}`;
}
