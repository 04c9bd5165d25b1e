import "server-only";
import { env } from "../env";
import { AppError } from "../http/errors";
import { requestClient } from "../security/client";
import { checkShareTargetOrigin } from "../security/request-checks";
import { hasStudioAccess } from "../security/session-store";
import { sharedCounters } from "../security/shared";
import { receiveSharedImage } from "./intake";

/** The manifest's share_target sends the photo in this field (app/manifest.ts). */
export const SHARE_FIELD = "image";

const TEN_MINUTES = 10 * 60_000;
/** Signed-out shares store before the sign-in (so no photo is lost), so they are few. */
const SIGNED_OUT = { perClient: 10, total: 30 };

async function assertSignedOutShareAllowed(request: Request): Promise<void> {
  const counters = sharedCounters();
  const own = await counters.take(
    `share-target:${requestClient(request)}`,
    SIGNED_OUT.perClient,
    TEN_MINUTES,
  );
  const all = own.wait > 0 ? own : await counters.take("share-target:all", SIGNED_OUT.total, TEN_MINUTES);
  if (all.wait > 0) {
    await counters.refund(own.id);
    throw new AppError(
      "rate_limited",
      `image: too many photos were shared before signing in; try again in ${all.wait} s, or sign in first.`,
      { retryAfterSeconds: all.wait },
    );
  }
}

/**
 * A photo shared to the installed app: stored exactly as POST /api/uploads stores one, then the studio
 * opens with it in the start keyframe (`/?start=<uploadId>`, read by the composer). Without a session the
 * photo is stored first and the sign-in page then comes back to that same address.
 */
export async function receiveShareTarget(request: Request): Promise<string> {
  const failure = checkShareTargetOrigin(request, env().publicBaseUrl);
  if (failure) throw new AppError(failure.code, failure.message);
  const signedIn = await hasStudioAccess(request);
  if (!signedIn) await assertSignedOutShareAllowed(request);
  const upload = await receiveSharedImage(request, SHARE_FIELD);
  const studio = `/?start=${encodeURIComponent(upload.id)}`;
  return signedIn ? studio : `/sign-in?next=${encodeURIComponent(studio)}`;
}
