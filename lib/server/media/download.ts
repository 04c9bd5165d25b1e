import "server-only";
import { AppError } from "../http/errors";
import { serveStored } from "../media-serve";
import { getTaskRow } from "../tasks/queries";
import { assertStudioAccess } from "./access";
import { attachmentDisposition, downloadName } from "./filename";
import { mirrorNow } from "./mirroring";

/**
 * A clip as a file to keep: `Content-Disposition: attachment` with a readable name. Always served from our
 * own copy; a clip not copied yet is copied first, so the download works the same before and after the
 * provider's links expire.
 */
export async function downloadClip(taskId: string, request: Request): Promise<Response> {
  await assertStudioAccess(request);
  let row = await getTaskRow(taskId);
  if (row.state !== "completed") throw new AppError("conflict", "Only a finished clip can be downloaded");
  if (row.kind === "image") {
    // An image's picture is stored where a clip's poster goes.
    if (!row.thumbnailKey) row = (await mirrorNow(taskId)) ?? row;
    const key = row.thumbnailKey;
    if (!key) {
      throw new AppError(
        "upstream_unavailable",
        "The image could not be fetched from the upstream yet; try again",
      );
    }
    return serveStored(key, request, {
      disposition: attachmentDisposition(downloadName(row.prompt, row.id, key.split(".").pop() ?? "jpg")),
    });
  }
  if (!row.videoKey) row = (await mirrorNow(taskId)) ?? row;
  if (!row.videoKey) {
    throw new AppError(
      "upstream_unavailable",
      "The video could not be fetched from the upstream yet; try again",
    );
  }
  return serveStored(row.videoKey, request, {
    disposition: attachmentDisposition(downloadName(row.prompt, row.id)),
  });
}
