import * as z from "zod/mini";
import { ApiError, apiErrorFrom, networkError, parseJson } from "./api";

/** Keyframe upload over XMLHttpRequest: fetch cannot report upload progress. */

export const UploadAnswerSchema = z.object({
  id: z.string(),
  url: z.string(),
  width: z.number(),
  height: z.number(),
  bytes: z.number(),
  type: z.string(),
});
export type UploadAnswer = z.infer<typeof UploadAnswerSchema>;

export interface UploadOptions {
  /** 0…1 as bytes leave the browser. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export function uploadImage(body: Blob, type: string, options: UploadOptions = {}): Promise<UploadAnswer> {
  const { onProgress, signal, timeoutMs = 120_000 } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/uploads");
    xhr.setRequestHeader("content-type", type);
    xhr.timeout = timeoutMs;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const answer = parseJson(xhr.responseText);
      if (xhr.status < 200 || xhr.status >= 300) {
        return reject(apiErrorFrom(xhr.status, answer, xhr.getResponseHeader("retry-after")));
      }
      const parsed = z.safeParse(UploadAnswerSchema, answer);
      if (!parsed.success) {
        return reject(new ApiError(xhr.status, "unexpected_answer", "The upload answer could not be read."));
      }
      onProgress?.(1);
      resolve(parsed.data);
    };
    xhr.onerror = () => reject(networkError());
    xhr.ontimeout = () => reject(networkError());
    xhr.onabort = () => reject(signal?.reason ?? new DOMException("Upload cancelled", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}
