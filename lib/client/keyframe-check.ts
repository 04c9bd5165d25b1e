import * as z from "zod/mini";
import { apiFetch } from "./api";

/** POST /api/keyframes/check: the studio fetches the URL through its guard and answers with a preview. */

export const KeyframeCheckSchema = z.object({
  url: z.string(),
  width: z.number(),
  height: z.number(),
  type: z.string(),
  preview: z.string(),
});
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
    KeyframeCheckSchema,
  );
}
