import type { CreateGenerationInput } from "@/lib/shared/generation-input";
import { type Task, TaskSchema } from "@/lib/shared/task";
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

/**
 * Creates a clip. A dropped connection is retried with the same Idempotency-Key, which the server
 * answers with the task it already made, so a retry never spends credits twice.
 */
export async function createGeneration(
  input: CreateGenerationInput,
  idempotencyKey: string,
  options: { signal?: AbortSignal; retryDelaysMs?: readonly number[] } = {},
): Promise<Task> {
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await apiFetch(
        "/api/generations",
        {
          method: "POST",
          headers: { "content-type": "application/json", "idempotency-key": idempotencyKey },
          body: JSON.stringify(input),
          signal: options.signal,
        },
        TaskSchema,
      );
    } catch (error) {
      const delay = delays[attempt];
      const retryable = error instanceof ApiError && error.status === NETWORK_STATUS;
      if (!retryable || delay === undefined) throw error;
      await wait(delay, options.signal);
    }
  }
}
