import "server-only";
import { timingSafeEqual } from "node:crypto";
import { AppError } from "../http/errors";
import { sign } from "../security/secret";
import { hasStudioAccess } from "../security/session";

/**
 * Who may read studio media (uploads, mirrored clips): studio users (a session when a passcode is set).
 * Two other doors, each naming exactly one file: share paths (media-route.ts) and signed keyframe paths,
 * which the upstream fetches without a session when keyframes are sent as URLs.
 */
export async function assertStudioAccess(request: Request): Promise<void> {
  if (!hasStudioAccess(request)) throw new AppError("unauthorized", "Sign in to use the studio.");
}

/** First path segment of signed keyframe media: `/api/media/keyframe/{signature}/{key…}`. */
export const KEYFRAME_MEDIA_PREFIX = "keyframe";
const PURPOSE = "keyframe-url";

export function keyframeMediaPath(key: string): string {
  return `/api/media/${KEYFRAME_MEDIA_PREFIX}/${sign(PURPOSE, key)}/${key}`;
}

/** Only uploads can be signed; a signature for one key never opens another. */
export function validKeyframeSignature(signature: string, key: string): boolean {
  if (!key.startsWith("uploads/")) return false;
  const wanted = Buffer.from(sign(PURPOSE, key));
  const given = Buffer.from(signature);
  return wanted.length === given.length && timingSafeEqual(wanted, given);
}
