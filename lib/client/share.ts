import type { ShareInfo } from "@/lib/shared/task";
import { apiFetch } from "./api";

/** The creator's side of share links: make one (or update its prompt setting) and stop sharing. */

const sharePath = (taskId: string) => `/api/generations/${encodeURIComponent(taskId)}/share`;

export function shareClip(taskId: string, showPrompt: boolean): Promise<ShareInfo> {
  return apiFetch(
    sharePath(taskId),
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ showPrompt }) },
    (s) => s.ShareInfoSchema,
  );
}

export async function stopSharing(taskId: string): Promise<void> {
  await apiFetch(sharePath(taskId), { method: "DELETE" }, (s) => s.NoAnswer);
}

/** The link as a visitor types it: absolute even when the server only knows its path. */
export function absoluteShareUrl(share: Pick<ShareInfo, "url">, origin: string): string {
  return new URL(share.url, origin).href;
}

/** How long a clipboard write may take before the link is offered to copy by hand instead. */
const COPY_LIMIT_MS = 3000;

/**
 * Copies text; false when the browser refuses (no permission, a page not served over HTTPS) or leaves
 * the write pending (some browsers wait on a permission prompt the creator never sees).
 */
export async function copyText(text: string, limitMs = COPY_LIMIT_MS): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), limitMs);
  });
  try {
    return await Promise.race([navigator.clipboard.writeText(text).then(() => true as const), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
