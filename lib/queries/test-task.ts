import type { Task } from "@/lib/shared/task";

/** A whole task as the API presents it, for tests of the client caches. */
export function task(id: string, createdAt: string, patch: Partial<Task> = {}): Task {
  return {
    id,
    kind: "generate",
    parentId: null,
    parentPrompt: null,
    extensionCount: 0,
    provider: "simulator",
    upstreamId: `up-${id}`,
    prompt: `prompt ${id}`,
    expandPrompt: false,
    loop: false,
    aspectRatio: "16:9",
    model: "ray-v2",
    resolution: "720p",
    duration: "5s",
    startImage: null,
    endImage: null,
    state: "running",
    stalled: false,
    upstreamState: "processing",
    failureReason: null,
    errorCode: null,
    estimateWaitSeconds: null,
    video: null,
    thumbnail: null,
    lastFrame: null,
    createdAt,
    updatedAt: createdAt,
    completedAt: null,
    ...patch,
  };
}
