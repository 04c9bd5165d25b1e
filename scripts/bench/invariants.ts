/**
 * The promises the load and crash runs check once the studio has stopped, straight from its database:
 * every acknowledged create is stored exactly once, every task is finished or still watched, and the
 * upstream holds no task the studio does not know about (beyond submits cut off mid-call).
 */
import { openDatabase } from "../../lib/server/db/open";
import { tasks } from "../../lib/server/db/schema";
import type { Row } from "./harness";

export interface Acknowledged {
  prompt: string;
  taskId: string;
}

const LOST_SUBMIT_MS = 5 * 60_000;

export async function checkInvariants(
  dataDir: string,
  acknowledged: readonly Acknowledged[],
  upstreamTaskIds: readonly string[],
): Promise<{ rows: Row[]; ok: boolean }> {
  const database = await openDatabase({ kind: "pglite", dataDir: `${dataDir}/db` });
  try {
    const all = await database.db.select().from(tasks);
    const byPrompt = new Map<string, number>();
    for (const task of all) byPrompt.set(task.prompt, (byPrompt.get(task.prompt) ?? 0) + 1);
    const ids = new Set(all.map((task) => task.id));
    const missing = acknowledged.filter((ack) => !ids.has(ack.taskId)).length;
    const duplicated = [...byPrompt.values()].filter((count) => count > 1).length;

    const now = Date.now();
    const unwatched = all.filter((task) => {
      if (task.state === "completed" || task.state === "failed") return false;
      if (task.state === "submitting") return now - task.createdAt.getTime() > LOST_SUBMIT_MS;
      return task.nextPollAt === null;
    }).length;
    const terminal = all.filter((task) => task.state === "completed" || task.state === "failed").length;
    const cutOff = all.filter((task) => task.state === "submitting" && !task.upstreamId).length;

    const known = new Set(all.map((task) => task.upstreamId).filter(Boolean));
    const unknownUpstream = upstreamTaskIds.filter((id) => !known.has(id)).length;

    const rows: Row[] = [
      {
        figure: "acknowledged creates missing from the database",
        value: String(missing),
        budget: "0",
        holds: missing === 0,
      },
      {
        figure: "prompts stored more than once",
        value: String(duplicated),
        budget: "0",
        holds: duplicated === 0,
      },
      {
        figure: "tasks neither finished nor watched",
        value: String(unwatched),
        budget: "0",
        holds: unwatched === 0,
      },
      {
        figure: "upstream tasks the studio does not know",
        value: `${unknownUpstream} (submits cut off mid-call: ${cutOff})`,
        budget: "≤ cut-off submits",
        holds: unknownUpstream <= cutOff,
      },
      { figure: "tasks finished / stored", value: `${terminal} / ${all.length}` },
    ];
    return { rows, ok: rows.every((row) => row.holds !== false) };
  } finally {
    await database.close();
  }
}
