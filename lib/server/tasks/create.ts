import "server-only";
import { type CreateGenerationInput, capabilityProblems } from "@/lib/shared/generation-input";
import { cameraConcepts } from "../concepts";
import { hookUrlFor } from "../hooks";
import { AppError } from "../http/errors";
import { provider, providerName } from "../upstream";
import { newTaskId, randomToken } from "./ids";
import { resolveKeyframe } from "./keyframes";
import { getTask } from "./queries";
import { type Created, insertOrReuse, keyOrFresh, submitUpstream } from "./submit";

export type { Created };

/**
 * A new clip. `parentId` records where a clip "continued from last frame" came from; `replaces` names
 * a failed clip this one takes the place of (Retry), removed in the same transaction as the insert.
 */
export async function createGeneration(
  input: CreateGenerationInput,
  idempotencyKey: string | null,
  lineage: { parentId: string } | null = null,
  replaces: string | null = null,
): Promise<Created> {
  const upstream = provider();
  const problems = capabilityProblems(input, upstream.capabilities);
  const first = Object.entries(problems)[0];
  if (first) throw new AppError("validation_failed", `${first[0]}: ${first[1]}`, { fields: problems });

  await checkConcepts(input.concepts);
  const [start, end] = await Promise.all([
    resolveKeyframe(input.startFrame, "startFrame"),
    resolveKeyframe(input.endFrame, "endFrame"),
  ]);
  const caps = upstream.capabilities;
  const { row, created } = await insertOrReuse(
    {
      id: newTaskId(),
      provider: providerName(),
      kind: "generate",
      parentId: lineage?.parentId ?? null,
      prompt: input.prompt,
      expandPrompt: input.expandPrompt,
      loop: input.loop,
      aspectRatio: input.aspectRatio ?? "16:9",
      model: input.model ?? caps.defaultModel,
      resolution: input.resolution ?? caps.resolutions[0] ?? null,
      duration: input.duration ?? caps.durations[0] ?? null,
      startUploadId: start?.uploadId ?? null,
      startImageUrl: start?.imageUrl ?? null,
      endUploadId: end?.uploadId ?? null,
      endImageUrl: end?.imageUrl ?? null,
      state: "submitting",
      idempotencyKey: keyOrFresh(idempotencyKey),
      hookSecret: randomToken(24),
      extra: input.concepts?.length ? { concepts: input.concepts } : null,
    },
    replaces,
  );
  if (!created) return { task: await getTask(row.id), created: false };

  const task = await submitUpstream(row, (client, signal) =>
    client.submit(
      {
        prompt: row.prompt,
        expandPrompt: row.expandPrompt,
        loop: row.loop,
        aspectRatio: row.aspectRatio ?? undefined,
        model: row.model ?? undefined,
        resolution: row.resolution ?? undefined,
        duration: row.duration ?? undefined,
        startImageUrl: start?.upstreamUrl,
        endImageUrl: end?.upstreamUrl,
        concepts: input.concepts?.length ? input.concepts : undefined,
        callbackUrl: hookUrlFor(row.id, row.hookSecret),
      },
      { signal },
    ),
  );
  return { task, created: true };
}

/** A camera motion the upstream does not list is refused here, naming it, before anything is sent. */
async function checkConcepts(concepts: readonly string[] | undefined): Promise<void> {
  if (!concepts?.length) return;
  const known = await cameraConcepts();
  // The list could not be read: the upstream checks the keys itself.
  if (known === null) return;
  const unknown = concepts.find((key) => !known.includes(key));
  if (unknown === undefined) return;
  const problem = `"${unknown.slice(0, 64)}" is not a camera motion this provider offers (GET /api/concepts lists them)`;
  throw new AppError("validation_failed", `concepts: ${problem}`, { fields: { concepts: problem } });
}
