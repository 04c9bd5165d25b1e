/**
 * Load run: 50 concurrent gallery readers and a steady stream of creates against a simulator injecting
 * 500s, 429s and hung responses, for a bounded time; then the faults stop, the tasks drain, and the
 * invariants are checked. Also counts every 5xx the studio answered and why.
 */

import {
  percentile,
  printRows,
  type Row,
  removeDir,
  SIM_TOKEN,
  startSimulator,
  startStudio,
  upstreamTaskIds,
  waitUntilIdle,
} from "./harness";
import { type Acknowledged, checkInvariants } from "./invariants";

const RUN_MS = Number(process.env.LOAD_SECONDS ?? 60) * 1000;
const READERS = 50;
const CREATES_PER_SECOND = 2;

const sim = await startSimulator();
const studio = await startStudio({ simulatorUrl: sim.url, port: 3421 });
const simHeaders = { authorization: `Bearer ${SIM_TOKEN}`, "content-type": "application/json" };
await fetch(`${sim.url}/_sim/faults`, {
  method: "POST",
  headers: simHeaders,
  body: JSON.stringify({
    rules: [
      { kind: "http500", rate: 0.05, route: "relay" },
      { kind: "http429", rate: 0.05, route: "relay", retryAfter: 1 },
      { kind: "hang", rate: 0.01, route: "relay" },
    ],
  }),
});

const readTimes: number[] = [];
const statuses = new Map<string, number>();
const count = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);
const acknowledged: Acknowledged[] = [];
let unexplained5xx = 0;
const stopAt = Date.now() + RUN_MS;

async function reader() {
  while (Date.now() < stopAt) {
    const started = performance.now();
    const response = await fetch(`${studio.url}/api/generations?limit=24`).catch(() => null);
    await response?.arrayBuffer();
    readTimes.push(performance.now() - started);
    count(`GET ${response?.status ?? "network error"}`);
    if (response && response.status >= 500) unexplained5xx++;
  }
}

async function create(i: number) {
  // Keys are visible ASCII without spaces, as the API requires.
  const stamp = Date.now().toString(36);
  const prompt = `load run ${i} ${stamp}`;
  const response = await fetch(`${studio.url}/api/generations`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `load-${i}-${stamp}` },
    body: JSON.stringify({ prompt }),
  }).catch(() => null);
  const body = (await response?.json().catch(() => null)) as {
    id?: string;
    error?: { code: string; taskId?: string };
  } | null;
  const code = body?.error?.code;
  count(`POST ${response?.status ?? "network error"}${code ? ` ${code}` : ""}`);
  if (response && response.status >= 500 && !code?.startsWith("upstream_")) unexplained5xx++;
  const taskId = body?.id ?? body?.error?.taskId;
  if (taskId) acknowledged.push({ prompt, taskId });
}

const creators: Promise<void>[] = [];
const ticker = setInterval(() => {
  if (Date.now() < stopAt) creators.push(create(creators.length));
}, 1000 / CREATES_PER_SECOND);
await Promise.all(Array.from({ length: READERS }, reader));
clearInterval(ticker);
await Promise.all(creators);

await fetch(`${sim.url}/_sim/faults`, { method: "POST", headers: simHeaders, body: "{}" });
await waitUntilIdle(studio.url, "every task to finish after the faults stop").catch((error: unknown) =>
  console.log(String(error)),
);

const upstreamIds = await upstreamTaskIds(sim.url);
await studio.stop();
const checked = await checkInvariants(studio.dataDir, acknowledged, upstreamIds);
const rows: Row[] = [
  {
    figure: "run",
    value: `${RUN_MS / 1000} s, ${READERS} readers, ${CREATES_PER_SECOND} creates/s, faults 5% 500 + 5% 429 + 1% hang`,
  },
  {
    figure: "gallery reads p50 / p95 under load",
    value: `${percentile(readTimes, 50).toFixed(1)} / ${percentile(readTimes, 95).toFixed(1)} ms (${readTimes.length} reads)`,
  },
  { figure: "studio answers", value: [...statuses.entries()].map(([key, n]) => `${key}: ${n}`).join(", ") },
  {
    figure: "5xx not explained by an upstream failure",
    value: String(unexplained5xx),
    budget: "0",
    holds: unexplained5xx === 0,
  },
  {
    // A run whose creates were all refused would prove nothing about the invariants below.
    figure: "creates acknowledged with a task",
    value: `${acknowledged.length} / ${creators.length}`,
    budget: "> half",
    holds: acknowledged.length * 2 > creators.length,
  },
  ...checked.rows,
];
await sim.close();
await removeDir(sim.dataDir);
await removeDir(studio.dataDir);
printRows("load run", rows);
process.exit(rows.some((row) => row.holds === false) ? 1 : 0);
