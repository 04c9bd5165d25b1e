import { z } from "zod";
import { SIM_TOKEN } from "./harness";

/** Talks to the built-in simulator of a studio started by the harness, through its control endpoint. */

const auth = { authorization: `Bearer ${SIM_TOKEN}` };

const CountersSchema = z.object({ counters: z.object({ tasks: z.record(z.string(), z.number()) }) });

export async function upstreamCountsPerTask(url: string): Promise<Record<string, number>> {
  const response = await fetch(`${url}/api/simulator/_sim/state`, { headers: auth });
  return CountersSchema.parse(await response.json()).counters.tasks;
}

export async function setFaults(url: string, faults: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${url}/api/simulator/_sim/faults?merge=1`, {
    method: "POST",
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify(faults),
  });
  if (!response.ok) throw new Error(`faults: HTTP ${response.status}`);
}

const CreatedSchema = z.object({ id: z.string(), upstreamId: z.string() });
const StateSchema = z.object({ state: z.string() });

export async function createTask(url: string, prompt: string) {
  const response = await fetch(`${url}/api/generations`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
    body: JSON.stringify({ prompt, aspectRatio: "1:1" }),
  });
  return CreatedSchema.parse(await response.json());
}

export async function taskState(url: string, id: string): Promise<string> {
  return StateSchema.parse(await (await fetch(`${url}/api/generations/${id}`)).json()).state;
}
