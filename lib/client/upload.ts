import type * as z from "zod/mini";
import { ApiError, apiErrorFrom, networkError, parseJson } from "./api";
import { loadSchemas } from "./load-schemas";
import type { UploadAnswerSchema } from "./schemas";

/** Keyframe upload over XMLHttpRequest: fetch cannot report upload progress. */

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
      readAnswer(xhr).then((answer) => {
        onProgress?.(1);
        resolve(answer);
      }, reject);
    };
    xhr.onerror = () => reject(networkError());
    xhr.ontimeout = () => reject(networkError());
    xhr.onabort = () => reject(signal?.reason ?? new DOMException("Upload cancelled", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/** The upload's answer, checked; a refusal or an answer of the wrong shape is an ApiError. */
async function readAnswer(xhr: XMLHttpRequest): Promise<UploadAnswer> {
  const answer = parseJson(xhr.responseText);
  if (xhr.status < 200 || xhr.status >= 300) {
    throw await apiErrorFrom(xhr.status, answer, xhr.getResponseHeader("retry-after"));
  }
  const schemas = await loadSchemas().catch(() => {
    throw networkError();
  });
  const parsed = schemas.safeParse(schemas.UploadAnswerSchema, answer);
  if (!parsed.success)
    throw new ApiError(xhr.status, "unexpected_answer", "The upload answer could not be read.");
  return parsed.data;
}
