/**
 * Crash run: creates keep coming (each retried with its Idempotency-Key until the studio answers, as a
 * browser would) while the studio is killed with SIGKILL at random moments and started again on the same
 * data. Afterwards the tasks drain and the invariants are checked.
 */

import {
  printRows,
  type Row,
  removeDir,
  type Studio,
  startSimulator,
  startStudio,
  upstreamTaskIds,
  waitUntilIdle,
} from "./harness";
import { type Acknowledged, checkInvariants } from "./invariants";

const RUN_MS = Number(process.env.CRASH_SECONDS ?? 60) * 1000;
const PORT = 3431;

const sim = await startSimulator();
let studio: Studio = await startStudio({ simulatorUrl: sim.url, port: PORT });
const dataDir = studio.dataDir;
const acknowledged: Acknowledged[] = [];
let kills = 0;
let retries = 0;
const stopAt = Date.now() + RUN_MS;

async function createUntilAnswered(i: number) {
  // Keys are visible ASCII without spaces, as the API requires.
  const stamp = Date.now().toString(36);
  const prompt = `crash run ${i} ${stamp}`;
  const key = `crash-${i}-${stamp}`;
  for (let attempt = 0; attempt < 60; attempt++) {
    const response = await fetch(`http://127.0.0.1:${PORT}/api/generations`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": key },
      body: JSON.stringify({ prompt }),
    }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as {
      id?: string;
      error?: { taskId?: string };
    } | null;
    const taskId = body?.id ?? body?.error?.taskId;
    if (taskId) {
      acknowledged.push({ prompt, taskId });
      return;
    }
    retries++;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function killer() {
  while (Date.now() < stopAt) {
    await new Promise((resolve) => setTimeout(resolve, 3000 + Math.random() * 7000));
    if (Date.now() >= stopAt) break;
    await studio.stop("SIGKILL");
    kills++;
    studio = await startStudio({ simulatorUrl: sim.url, port: PORT, dataDir });
  }
}

const creators: Promise<void>[] = [];
const ticker = setInterval(() => {
  if (Date.now() < stopAt) creators.push(createUntilAnswered(creators.length));
}, 400);
await killer();
clearInterval(ticker);
await Promise.all(creators);
await waitUntilIdle(studio.url, "every task to finish after the last restart").catch((error: unknown) =>
  console.log(String(error)),
);

const upstreamIds = await upstreamTaskIds(sim.url);
await studio.stop();
const checked = await checkInvariants(dataDir, acknowledged, upstreamIds);
const rows: Row[] = [
  {
    figure: "run",
    value: `${RUN_MS / 1000} s, ${kills} SIGKILLs, ${creators.length} creates, ${retries} client retries`,
  },
  {
    figure: "creates acknowledged",
    value: `${acknowledged.length} / ${creators.length}`,
    budget: "all",
    holds: acknowledged.length === creators.length,
  },
  ...checked.rows,
];
await sim.close();
await removeDir(sim.dataDir);
await removeDir(dataDir);
printRows("crash run", rows);
process.exit(rows.some((row) => row.holds === false) ? 1 : 0);
