import "server-only";
import { timingSafeEqual } from "node:crypto";
import { AppError } from "../http/errors";
import { sign } from "../security/secret";
import { hasStudioAccess } from "../security/session-store";

/**
 * Who may read studio media (uploads, mirrored clips): studio users (a session when a passcode is set).
 * Two other doors, each naming exactly one file: share paths (media-route.ts) and signed keyframe paths,
 * which the upstream fetches without a session when keyframes are sent as URLs.
 */
export async function assertStudioAccess(request: Request): Promise<void> {
  if (!(await hasStudioAccess(request))) throw new AppError("unauthorized", "Sign in to use the studio.");
}

/** First path segment of signed keyframe media: `/api/media/keyframe/{expires}/{signature}/{key…}`. */
export const KEYFRAME_MEDIA_PREFIX = "keyframe";
const PURPOSE = "keyframe-url";
/**
 * How long a keyframe link opens its upload: longer than any upstream takes to fetch it (a task queued
 * at a busy provider for hours still finds its keyframe), short enough that a leaked link dies.
 */
export const KEYFRAME_LINK_SECONDS = 24 * 3600;

/** The signed path; the expiry (unix seconds) is part of what is signed, so it cannot be stretched. */
export function keyframeMediaPath(key: string, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + KEYFRAME_LINK_SECONDS;
  return `/api/media/${KEYFRAME_MEDIA_PREFIX}/${expires}/${sign(PURPOSE, `${expires}/${key}`)}/${key}`;
}

/**
 * The upload key of a signed keyframe path (the segments after `keyframe/`), or null when the signature
 * is wrong, the link has expired, or it names anything but an upload.
 */
export function keyframeKeyOf(segments: string[], now = Date.now()): string | null {
  const [expires = "", signature = "", ...rest] = segments;
  const key = rest.join("/");
  if (!/^\d{10,11}$/.test(expires) || Number(expires) * 1000 < now) return null;
  if (!key.startsWith("uploads/")) return null;
  const wanted = Buffer.from(sign(PURPOSE, `${expires}/${key}`));
  const given = Buffer.from(signature);
  return wanted.length === given.length && timingSafeEqual(wanted, given) ? key : null;
}
