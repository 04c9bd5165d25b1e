import "server-only";
import type { ShareEmbed } from "../env-schema";

/**
 * The Content-Security-Policy for each kind of answer, pure so it is unit-tested.
 *
 * - Studio pages: scripts only with this request's nonce; 'strict-dynamic' lets Next's nonce'd bootstrap
 *   load its own chunks. Styles allow inline because React renders `style` attributes (a nonce cannot
 *   cover those). Images: our own, data:/blob: previews of picked files, and https: (a creator's URL
 *   keyframe preview, upstream thumbnails before they are copied). Media: our own, plus https: when a
 *   real upstream is configured (its links play until the copy exists; the simulator's are same-origin).
 * - The share page (no script at all) and API answers: nothing but our own media and images.
 */

export interface CspOptions {
  nonce: string;
  simulator: boolean;
  dev: boolean;
}

const join = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(" "))
    .join("; ");

export function pagePolicy({ nonce, simulator, dev }: CspOptions): string {
  return join({
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https:"],
    "media-src": ["'self'", "blob:", ...(simulator ? [] : ["https:"])],
    "connect-src": ["'self'"],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  });
}

export function frameAncestors(embed: ShareEmbed): string[] {
  if (embed.kind === "any") return ["*"];
  if (embed.kind === "origins") return embed.origins;
  return ["'none'"];
}

/** A shared clip not copied yet redirects to the upstream's https link, so a real upstream adds https:. */
export function sharePolicy(embed: ShareEmbed, simulator: boolean): string {
  const upstream = simulator ? [] : ["https:"];
  return join({
    "default-src": ["'none'"],
    "img-src": ["'self'", ...upstream],
    "media-src": ["'self'", ...upstream],
    "style-src": ["'unsafe-inline'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
    "frame-ancestors": frameAncestors(embed),
  });
}

/** API answers are data, never documents with behaviour; media opened in a tab still plays. */
export function apiPolicy(): string {
  return join({
    "default-src": ["'none'"],
    "img-src": ["'self'"],
    "media-src": ["'self'"],
    "style-src": ["'unsafe-inline'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
    "frame-ancestors": ["'none'"],
  });
}
