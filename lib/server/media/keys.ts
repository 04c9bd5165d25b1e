import "server-only";

/**
 * Where a clip's stored copies live: `clips/{taskId}/video.mp4`, `…/thumbnail.jpg`, `…/last-frame.jpg`
 * (the extension follows the file's real format). Public share URLs never expose these keys: they name
 * the share token instead (`/api/media/share/{token}/video.mp4`), so access can be checked per link.
 */

const PIECE_NAMES = { video: "video", thumbnail: "thumbnail", lastFrame: "last-frame" } as const;

export function clipKeyBase(taskId: string, piece: keyof typeof PIECE_NAMES): string {
  return `clips/${taskId}/${PIECE_NAMES[piece]}`;
}

/** The first path segment of public share media; no stored key starts with it. */
export const SHARE_MEDIA_PREFIX = "share";
