import "server-only";
import { type EditInfo, EditInfoSchema } from "@/lib/shared/edit-input";
import type { Task, TaskState } from "@/lib/shared/task";
import type { JobRow, ShareLinkRow, TaskRow } from "../db/schema";
import { copyStatus } from "../media/copy-status";
import { presentShare } from "../share/links";

export interface Lineage {
  /** The parent's prompt, so a card can say what it was extended from without loading the parent. */
  parentPrompt: string | null;
  /** How many direct extensions this clip has (refused attempts not counted). */
  extensionCount: number;
}

export const NO_LINEAGE: Lineage = { parentPrompt: null, extensionCount: 0 };

/** Where the browser fetches a stored object. */
export function mediaUrl(key: string): string {
  return `/api/media/${key}`;
}

/** The API's view of a task row: our own stored copies win over upstream links, which expire. */
export interface PresentContext {
  /** Upload id → storage key, for keyframes we hold. */
  uploadKeys?: Map<string, string>;
  /** Rewrites upstream links the browser cannot reach as they are (the simulator's loopback links). */
  toBrowser?: (url: string) => string;
  /** Task id → its live share link. */
  shares?: Map<string, ShareLinkRow>;
  lineage?: Lineage;
  /** Task id → its media copy job, for clips not fully stored yet. */
  copyJobs?: Map<string, JobRow>;
  /** Task id → the boards it is on (lib/server/boards). */
  boardIds?: Map<string, string[]>;
}

export function presentTask(row: TaskRow, context: PresentContext = {}): Task {
  const {
    uploadKeys = new Map(),
    toBrowser = (url: string) => url,
    shares = new Map(),
    lineage = NO_LINEAGE,
    copyJobs = new Map(),
    boardIds = new Map(),
  } = context;
  const share = shares.get(row.id);
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
    edit: editOf(row),
    parentId: row.parentId,
    parentPrompt: lineage.parentPrompt,
    extensionCount: lineage.extensionCount,
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
            sha256: row.videoKey ? row.videoSha256 : null,
          }
        : null,
    image: imageOf(row, toBrowser),
    concepts: conceptsOf(row),
    copy: copyStatus(row, copyJobs.get(row.id)),
    thumbnail: row.thumbnailKey
      ? { url: mediaUrl(row.thumbnailKey) }
      : row.thumbnailUrl
        ? { url: toBrowser(row.thumbnailUrl) }
        : null,
    lastFrame: row.lastFrameKey
      ? { url: mediaUrl(row.lastFrameKey) }
      : row.lastFrameUrl
        ? { url: toBrowser(row.lastFrameUrl) }
        : null,
    share: share ? presentShare(share) : null,
    favourite: row.favourite,
    boardIds: boardIds.get(row.id) ?? [],
    imported: typeof row.extra?.importedAt === "string",
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

/** An image task's picture: our stored copy, else the upstream's link (which expires). */
function imageOf(row: TaskRow, toBrowser: (url: string) => string): Task["image"] {
  if (row.kind !== "image" || row.state !== "completed") return null;
  const url = row.thumbnailKey
    ? mediaUrl(row.thumbnailKey)
    : row.thumbnailUrl
      ? toBrowser(row.thumbnailUrl)
      : null;
  if (!url) return null;
  const format = typeof row.extra?.format === "string" ? row.extra.format : null;
  return { url, width: row.width, height: row.height, stored: Boolean(row.thumbnailKey), format };
}

/** The camera motions a clip asked for (`extra.concepts`), or none. */
export function conceptsOf(row: TaskRow): string[] | undefined {
  const kept = row.extra?.concepts;
  if (!Array.isArray(kept)) return undefined;
  const keys = kept.filter((key): key is string => typeof key === "string");
  return keys.length ? keys : undefined;
}

/** The tool's settings an edit task was made with (`extra.edit`), or null for any other task. */
function editOf(row: TaskRow): EditInfo | null {
  const parsed = EditInfoSchema.safeParse(row.extra?.edit);
  return parsed.success ? parsed.data : null;
}
