import type {
  AudioInput,
  EditToolName,
  InterpolateInput,
  ModifyInput,
  ReframeInput,
  UpscaleInput,
} from "@/lib/shared/edit-input";
import type {
  ContinueGenerationInput,
  CreateGenerationInput,
  ExtendGenerationInput,
} from "@/lib/shared/generation-input";
import type { CreateImageInput } from "@/lib/shared/image-input";
import type { Task } from "@/lib/shared/task";
import { ApiError, apiFetch, NETWORK_STATUS } from "./api";

const RETRY_DELAYS_MS = [800, 2_000];

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

export interface SubmitOptions {
  signal?: AbortSignal;
  retryDelaysMs?: readonly number[];
}

/**
 * Creates a clip. A dropped connection is retried with the same Idempotency-Key, which the server
 * answers with the task it already made, so a retry never spends credits twice.
 */
export function createGeneration(
  input: CreateGenerationInput,
  idempotencyKey: string,
  options: SubmitOptions = {},
): Promise<Task> {
  return submitTask("/api/generations", input, idempotencyKey, options);
}

/** Extends a finished clip; same retry and idempotency rules as create. */
export function extendGeneration(
  parentId: string,
  input: ExtendGenerationInput,
  idempotencyKey: string,
  options: SubmitOptions = {},
): Promise<Task> {
  return submitTask(
    `/api/generations/${encodeURIComponent(parentId)}/extend`,
    input,
    idempotencyKey,
    options,
  );
}

/** A new clip starting from a finished clip's last frame; same rules as create. */
export function continueGeneration(
  parentId: string,
  input: ContinueGenerationInput,
  idempotencyKey: string,
  options: SubmitOptions = {},
): Promise<Task> {
  return submitTask(
    `/api/generations/${encodeURIComponent(parentId)}/continue`,
    input,
    idempotencyKey,
    options,
  );
}

export type EditSubmit =
  | { tool: "upscale"; input: UpscaleInput }
  | { tool: "audio"; input: AudioInput }
  | { tool: "modify"; input: ModifyInput }
  | { tool: "reframe"; input: ReframeInput }
  | { tool: "interpolate"; input: InterpolateInput };

/** Upscale, add audio or modify a finished clip: a new clip made from it; same rules as create. */
export function editGeneration(
  sourceId: string,
  edit: EditSubmit,
  idempotencyKey: string,
  options: SubmitOptions = {},
): Promise<Task> {
  const tool: EditToolName = edit.tool;
  return submitTask(
    `/api/generations/${encodeURIComponent(sourceId)}/${tool}`,
    edit.input,
    idempotencyKey,
    options,
  );
}

async function submitTask(
  path: string,
  input: unknown,
  idempotencyKey: string,
  options: SubmitOptions,
): Promise<Task> {
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await apiFetch(
        path,
        {
          method: "POST",
          headers: { "content-type": "application/json", "idempotency-key": idempotencyKey },
          body: JSON.stringify(input),
          signal: options.signal,
        },
        (s) => s.TaskSchema,
      );
    } catch (error) {
      const delay = delays[attempt];
      const retryable = error instanceof ApiError && error.status === NETWORK_STATUS;
      if (!retryable || delay === undefined) throw error;
      await wait(delay, options.signal);
    }
  }
}

/** A still from text (Photon), to use as a keyframe: an `image` task; same rules as create. */
export function createImage(input: CreateImageInput, idempotencyKey: string, options: SubmitOptions = {}) {
  return submitTask("/api/images", input, idempotencyKey, options);
}

/** A finished image as an upload a keyframe slot holds like any image dropped in. */
export function imageAsKeyframe(imageId: string, options: { signal?: AbortSignal } = {}) {
  return apiFetch(
    `/api/generations/${encodeURIComponent(imageId)}/keyframe`,
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
      signal: options.signal,
    },
    (s) => s.UploadAnswerSchema,
  );
}

/** One task as it stands now. */
export function fetchTask(id: string, options: { signal?: AbortSignal } = {}): Promise<Task> {
  return apiFetch(
    `/api/generations/${encodeURIComponent(id)}`,
    { method: "GET", signal: options.signal },
    (s) => s.TaskSchema,
  );
}

/**
 * Sends a failed clip's request again as a new clip that takes the failed one's place: the server
 * removes the failed clip in the same transaction that records the new one. Same retry rules as create.
 */
export function retryGeneration(
  failedId: string,
  idempotencyKey: string,
  options: SubmitOptions = {},
): Promise<Task> {
  return submitTask(`/api/generations/${encodeURIComponent(failedId)}/retry`, {}, idempotencyKey, options);
}
