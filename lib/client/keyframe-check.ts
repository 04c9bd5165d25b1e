import type * as z from "zod/mini";
import { apiFetch } from "./api";
import type { KeyframeCheckSchema } from "./schemas";

/** POST /api/keyframes/check: the studio fetches the URL through its guard and answers with a preview. */

export type KeyframeCheck = z.infer<typeof KeyframeCheckSchema>;

export function checkKeyframeUrl(url: string, signal?: AbortSignal): Promise<KeyframeCheck> {
  return apiFetch(
    "/api/keyframes/check",
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url }),
      signal,
      timeoutMs: 30_000,
    },
    (s) => s.KeyframeCheckSchema,
  );
}
