import "server-only";
import type { TaskRow } from "../db/schema";
import { AppError } from "../http/errors";
import { serveStored } from "../media-serve";
import { passcodeRequired } from "../security/session";
import { resolveShare } from "../share/links";
import { browserUrl, servedByStudio } from "../upstream-link";
import { assertStudioAccess, KEYFRAME_MEDIA_PREFIX, keyframeKeyOf } from "./access";
import { attachmentDisposition, downloadName } from "./filename";
import { SHARE_MEDIA_PREFIX } from "./keys";
import { mirrorNow, mirrorSoon } from "./mirroring";

/**
 * `GET /api/media/…`. Two kinds of path:
 * - `share/{token}/video.mp4|poster.jpg`: public, answered only while the token's link is live; the key
 *   comes from the link's own task, so a share path can never reach another clip's media.
 * - `keyframe/{expires}/{signature}/uploads/…`: an upload, for the upstream to fetch without a session
 *   until the signed expiry (keyframes.ts, access.ts).
 * - anything else is a storage key (`uploads/…`, `clips/{taskId}/…`): studio users only.
 */

export const SHARE_FILES = ["video.mp4", "poster.jpg"] as const;
export type ShareFile = (typeof SHARE_FILES)[number];

// Short, so a revoked link stops being served by shared caches soon; the ETag keeps revalidation cheap.
const SHARE_CACHE = "public, max-age=300";

export function shareMediaPath(token: string, file: ShareFile): string {
  return `/api/media/${SHARE_MEDIA_PREFIX}/${token}/${file}`;
}

const notFound = () => new AppError("not_found", "Not found");

function sourceOf(task: TaskRow, file: ShareFile): { key: string | null; upstream: string | null } {
  return file === "video.mp4"
    ? { key: task.videoKey, upstream: task.videoUrl }
    : { key: task.thumbnailKey, upstream: task.thumbnailUrl };
}

async function serveShared(token: string, file: string, request: Request, download: boolean) {
  const shared = await resolveShare(token);
  if (!shared || !(SHARE_FILES as readonly string[]).includes(file)) throw notFound();
  let { key, upstream } = sourceOf(shared.task, file as ShareFile);
  // A link the studio serves itself needs its session when a passcode is set; copy first instead.
  if (!key && upstream && servedByStudio(upstream) && passcodeRequired()) {
    const copied = await mirrorNow(shared.task.id);
    if (copied) ({ key, upstream } = sourceOf(copied, file as ShareFile));
  }
  if (key) {
    // A clip downloads its video; an image its picture (kept as the poster), with its own extension.
    const picture = shared.task.kind === "image" && file === "poster.jpg";
    const disposition =
      download && (file === "video.mp4" || picture)
        ? attachmentDisposition(
            downloadName(
              shared.link.showPrompt ? shared.task.prompt : null,
              shared.task.id,
              picture ? (key.split(".").pop() ?? "jpg") : "mp4",
            ),
          )
        : undefined;
    return serveStored(key, request, { cacheControl: SHARE_CACHE, disposition });
  }
  // Not copied yet (it normally is within seconds of finishing): the provider's link still works.
  if (!upstream) throw notFound();
  mirrorSoon(shared.task.id);
  return new Response(null, {
    status: 302,
    headers: { location: browserUrl(upstream), "cache-control": "no-store" },
  });
}

export async function answerMedia(
  segments: string[],
  request: Request,
  download: boolean,
): Promise<Response> {
  if (segments[0] === SHARE_MEDIA_PREFIX) {
    if (segments.length !== 3) throw notFound();
    return serveShared(segments[1]!, segments[2]!, request, download);
  }
  if (segments[0] === KEYFRAME_MEDIA_PREFIX) {
    const key = keyframeKeyOf(segments.slice(1));
    if (!key) throw notFound();
    return serveStored(key, request);
  }
  await assertStudioAccess(request);
  return serveStored(segments.join("/"), request);
}
