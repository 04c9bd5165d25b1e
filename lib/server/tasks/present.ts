import type { Task, TaskState } from "@/lib/shared/task";
import type { TaskRow } from "../db/schema";

/** Where the browser fetches a stored object. */
export function mediaUrl(key: string): string {
  return `/api/media/${key}`;
}

/** The API's view of a task row: our own stored copies win over upstream links, which expire. */
export function presentTask(
  row: TaskRow,
  uploadKeys: Map<string, string> = new Map(),
  toBrowser: (url: string) => string = (url) => url,
): Task {
  const upstream = (url: string | null) => (url ? toBrowser(url) : null);
  const video = row.videoKey ? mediaUrl(row.videoKey) : upstream(row.videoUrl);
  const image = (uploadId: string | null, url: string | null) => {
    const key = uploadId ? uploadKeys.get(uploadId) : undefined;
    if (key) return { url: mediaUrl(key), uploadId };
    return url ? { url } : null;
  };
  return {
    id: row.id,
    kind: row.kind,
    parentId: row.parentId,
    provider: row.provider,
    upstreamId: row.upstreamId,
    prompt: row.prompt,
    expandPrompt: row.expandPrompt,
    loop: row.loop,
    aspectRatio: row.aspectRatio,
    model: row.model,
    resolution: row.resolution,
    duration: row.duration,
    startImage: image(row.startUploadId, row.startImageUrl),
    endImage: image(row.endUploadId, row.endImageUrl),
    state: row.state as TaskState,
    stalled: row.stalled,
    upstreamState: row.upstreamState,
    failureReason: row.failureReason,
    errorCode: row.errorCode,
    estimateWaitSeconds: row.estimateWaitSeconds,
    video:
      row.state === "completed" && video
        ? {
            url: video,
            width: row.width,
            height: row.height,
            durationSeconds: row.durationSeconds,
            stored: Boolean(row.videoKey),
          }
        : null,
    thumbnail: row.thumbnailKey
      ? { url: mediaUrl(row.thumbnailKey) }
      : row.thumbnailUrl
        ? { url: row.thumbnailUrl }
        : null,
    lastFrame: row.lastFrameKey
      ? { url: mediaUrl(row.lastFrameKey) }
      : row.lastFrameUrl
        ? { url: toBrowser(row.lastFrameUrl) }
        : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}
