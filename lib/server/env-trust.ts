import "server-only";
import proxyaddr from "proxy-addr";
import { z } from "zod";

/**
 * Settings for who the studio believes (pure, parsed with the rest of the environment in env-schema.ts):
 * - TRUSTED_PROXIES: which `X-Forwarded-For` entry names the client. Unset: none, the socket's peer
 *   address is the client. A hop count (`1`: one proxy in front, e.g. nginx on the same host) or a list
 *   of proxy addresses/CIDRs (`10.0.0.0/8,::1/128`, or proxy-addr's names loopback/linklocal/uniquelocal).
 * - ALLOWED_HOSTS: extra `Host` names the studio answers to, beside PUBLIC_BASE_URL's host, loopback
 *   names and the listening address (against DNS rebinding); `*` answers any host.
 */

export type TrustedProxies =
  | { kind: "none" }
  | { kind: "hops"; hops: number }
  | { kind: "addresses"; list: string[] };

const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const TRUST_HELP =
  "TRUSTED_PROXIES must be a hop count from 1 to 10 (e.g. 1) or a comma-separated list of proxy addresses or CIDRs (e.g. 10.0.0.0/8,::1/128)";

export const TrustedProxiesSchema = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((value, ctx): TrustedProxies => {
      if (value === undefined) return { kind: "none" };
      const text = value.trim();
      if (/^\d+$/.test(text)) {
        const hops = Number(text);
        if (hops >= 1 && hops <= 10) return { kind: "hops", hops };
      } else {
        const list = text
          .split(",")
          .map((entry) => entry.trim())
          .filter(Boolean);
        try {
          proxyaddr.compile(list);
          if (list.length > 0) return { kind: "addresses", list };
        } catch {
          // reported below
        }
      }
      ctx.addIssue({ code: "custom", message: TRUST_HELP });
      return z.NEVER;
    }),
);

const HOST_NAME =
  /^(\*|\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?)$/i;

export const AllowedHostsSchema = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((value, ctx): string[] => {
      const names = (value ?? "")
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((name) => name.toLowerCase().replace(/\.$/, ""));
      if (names.every((name) => HOST_NAME.test(name))) return names;
      ctx.addIssue({
        code: "custom",
        message:
          "ALLOWED_HOSTS must be a comma-separated list of host names without scheme or port (e.g. studio.lan,192.168.1.20), or *",
      });
      return z.NEVER;
    }),
);
