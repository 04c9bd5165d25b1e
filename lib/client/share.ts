import * as z from "zod/mini";
import { type ShareInfo, ShareInfoSchema } from "@/lib/shared/task";
import { apiFetch } from "./api";

/** The creator's side of share links: make one (or update its prompt setting) and stop sharing. */

const sharePath = (taskId: string) => `/api/generations/${encodeURIComponent(taskId)}/share`;

export function shareClip(taskId: string, showPrompt: boolean): Promise<ShareInfo> {
  return apiFetch(
    sharePath(taskId),
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ showPrompt }) },
    ShareInfoSchema,
  );
}

export async function stopSharing(taskId: string): Promise<void> {
  await apiFetch(sharePath(taskId), { method: "DELETE" }, z.undefined());
}

/** The link as a visitor types it: absolute even when the server only knows its path. */
export function absoluteShareUrl(share: Pick<ShareInfo, "url">, origin: string): string {
  return new URL(share.url, origin).href;
}

/** Copies text; false when the browser refuses (no permission, or a page not served over HTTPS). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
