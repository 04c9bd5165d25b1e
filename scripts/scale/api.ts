import { createHash } from "node:crypto";
import { z } from "zod";
import { SIM_TOKEN } from "../bench/harness";

/** What the scale run asks of a studio and of the simulator, every answer parsed. */

const TaskSchema = z.object({
  id: z.string(),
  upstreamId: z.string().nullable(),
  state: z.string(),
  video: z.object({ url: z.string(), stored: z.boolean(), sha256: z.string().nullable() }).nullable(),
});
export type StudioTask = z.infer<typeof TaskSchema>;

export async function createClip(studio: string, prompt: string): Promise<StudioTask> {
  const response = await fetch(`${studio}/api/generations`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
    body: JSON.stringify({ prompt, aspectRatio: "1:1" }),
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok)
    throw new Error(`create through ${studio}: HTTP ${response.status} ${await response.text()}`);
  return TaskSchema.parse(await response.json());
}

export async function getClip(studio: string, id: string): Promise<StudioTask> {
  const response = await fetch(`${studio}/api/generations/${id}`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`get ${id} through ${studio}: HTTP ${response.status}`);
  return TaskSchema.parse(await response.json());
}

export async function listClips(
  studio: string,
  query: string,
): Promise<{ ids: string[]; next: string | null }> {
  const response = await fetch(`${studio}/api/generations?${query}`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`list through ${studio}: HTTP ${response.status}`);
  const page = z
    .object({ tasks: z.array(TaskSchema), nextCursor: z.string().nullable() })
    .parse(await response.json());
  return { ids: page.tasks.map((task) => task.id), next: page.nextCursor };
}

export async function shareClip(studio: string, id: string): Promise<string> {
  const response = await fetch(`${studio}/api/generations/${id}/share`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
    signal: AbortSignal.timeout(10_000),
  });
  if (response.status !== 201) throw new Error(`share through ${studio}: HTTP ${response.status}`);
  return z.object({ token: z.string() }).parse(await response.json()).token;
}

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const SimStateSchema = z.object({
  counters: z.object({ routes: z.record(z.string(), z.number()) }),
  log: z.array(
    z.object({ at: z.string(), route: z.string(), status: z.number(), taskIds: z.array(z.string()) }),
  ),
  tasks: z.array(
    z.object({
      id: z.string(),
      state: z.string(),
      createdAt: z.string(),
      completedAt: z.string().nullable(),
    }),
  ),
});
export type SimState = z.infer<typeof SimStateSchema>;

const auth = { authorization: `Bearer ${SIM_TOKEN}` };

export async function simState(sim: string): Promise<SimState> {
  const response = await fetch(`${sim}/_sim/state`, { headers: auth });
  return SimStateSchema.parse(await response.json());
}

export async function simReset(sim: string): Promise<void> {
  const response = await fetch(`${sim}/_sim/reset`, { method: "POST", headers: auth });
  if (!response.ok) throw new Error(`simulator reset: HTTP ${response.status}`);
}
