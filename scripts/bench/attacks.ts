/**
 * Attacks: what a guesser and a spammer get from a studio with STUDIO_PASSCODE, rotating
 * X-Forwarded-For on every request. Guesses: 10,000 against a studio reached directly (the header is the
 * client's own claim) and 10,000 behind a trusted proxy (TRUSTED_PROXIES=1: each value is a new client,
 * so only the studio-wide ceiling holds). "Compared" is what the studio itself logs in its aggregate
 * line ("N wrong passcodes … ", field `compared`), written when it exits. Creates: 100 with rotating
 * X-Forwarded-For, at most SUBMIT_RATE_LIMIT accepted.
 *
 * RSS growth is measured over the 10,000 guesses after warm-up guesses (batches of 1,000: at least 5,
 * then until a batch moves RSS by under 2 MB, at most 15; RSS first drops as start-up memory is freed): a fresh server grows by tens of MB over its first few thousand
 * requests whatever they are (JIT, heap sizing, Next's caches), which says nothing about the limiter.
 * Warm-up guesses are guesses too: "compared" counts them, so the ceiling holds over all of them.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnStudioStart } from "../../e2e/support/studio-command";
import { printRows, type Row, removeDir, waitFor } from "./harness";

const PASSCODE = "bench-attacks-passcode-7f3a";
const GUESSES = 10_000;
const CREATES = 100;
const SUBMIT_LIMIT = 20;
const CEILING = 100;
const RSS_BUDGET_MB = 20;
const CONCURRENCY = 8;
const WARM_UP_BATCH = 1_000;
const WARM_UP_MIN = 5;
const WARM_UP_MAX = 15;

interface Target {
  url: string;
  child: ChildProcess;
  dataDir: string;
  log: () => string;
  rssMb: () => Promise<number>;
  stop: () => Promise<void>;
}

async function start(port: number, env: Record<string, string>): Promise<Target> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "luma-bench-attacks-"));
  const child = spawnStudioStart(
    ["-p", String(port)],
    {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      DATABASE_URL: `pglite:${dataDir}/db`,
      MEDIA_DIR: `${dataDir}/media`,
      LUMA_PROVIDER: "simulator",
      SIMULATOR_DIR: `${dataDir}/simulator`,
      SIMULATOR_TOKEN: "bench-attacks-simulator",
      STUDIO_PASSCODE: PASSCODE,
      SUBMIT_RATE_LIMIT: String(SUBMIT_LIMIT),
      ...env,
    },
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitFor("the studio to answer /api/health", async () => {
    if (child.exitCode !== null) throw new Error(`the studio exited during start-up:\n${log}`);
    return (await fetch(`${url}/api/health`)).ok ? true : undefined;
  });
  return {
    url,
    child,
    dataDir,
    log: () => log,
    async rssMb() {
      const status = await readFile(`/proc/${child.pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      await removeDir(dataDir);
    },
  };
}

const rotating = (i: number) => `${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}.${(i * 7) & 255}`;

async function signIn(target: Target): Promise<string> {
  const answer = await fetch(`${target.url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ passcode: PASSCODE }),
  });
  const cookie = /luma_session=([^;]+)/.exec(answer.headers.get("set-cookie") ?? "")?.[1];
  if (answer.status !== 204 || !cookie) throw new Error(`sign-in answered ${answer.status}`);
  return cookie;
}

async function inParallel(count: number, send: (i: number) => Promise<number>): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const status = await send(next++);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  return statuses;
}

const guess = (target: Target) => async (i: number) => {
  const answer = await fetch(`${target.url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": rotating(i) },
    body: JSON.stringify({ passcode: `guess-${i}` }),
  });
  await answer.arrayBuffer();
  return answer.status;
};

/** Sums the studio's own aggregate lines about passcodes (it writes the last one as it exits). */
function comparedFromLog(log: string): { compared: number; wrong: number; lines: number } {
  let compared = 0;
  let wrong = 0;
  let lines = 0;
  for (const line of log.split("\n")) {
    if (!line.includes("wrong passcodes from")) continue;
    const entry = JSON.parse(line) as { compared: number; wrong: number };
    compared += entry.compared;
    wrong += entry.wrong;
    lines += 1;
  }
  return { compared, wrong, lines };
}

const format = (statuses: Map<number, number>) =>
  [...statuses].map(([status, count]) => `${count}× ${status}`).join(", ");

async function guessRun(name: string, port: number, env: Record<string, string>): Promise<Row[]> {
  const target = await start(port, env);
  // The bench's own (right) sign-in is the one comparison it adds.
  await signIn(target);
  const fresh = await target.rssMb();
  let warmUp = 0;
  let before = fresh;
  for (let batch = 1; batch <= WARM_UP_MAX; batch += 1) {
    const offset = GUESSES + warmUp;
    await inParallel(WARM_UP_BATCH, (i) => guess(target)(offset + i));
    warmUp += WARM_UP_BATCH;
    const now = await target.rssMb();
    const steady = batch >= WARM_UP_MIN && Math.abs(now - before) < 2;
    before = now;
    if (steady) break;
  }
  const started = Date.now();
  const statuses = await inParallel(GUESSES, guess(target));
  const seconds = (Date.now() - started) / 1000;
  const after = await target.rssMb();
  await target.stop();
  const logged = comparedFromLog(target.log());
  const perGuessLines = target
    .log()
    .split("\n")
    .filter((line) => line.includes('"wrong passcode"')).length;
  return [
    { figure: `${name}: answers`, value: `${format(statuses)} in ${seconds.toFixed(1)} s` },
    {
      figure: `${name}: guesses compared`,
      value: `${logged.wrong} of ${GUESSES + warmUp} (${GUESSES} + ${warmUp} warm-up; the studio's own count)`,
      budget: `≤ ${CEILING}`,
      holds: logged.wrong <= CEILING,
    },
    {
      figure: `${name}: log lines about them`,
      value: `${logged.lines} aggregate, ${perGuessLines} per guess`,
      budget: "0 per guess",
      holds: perGuessLines === 0 && logged.lines >= 1,
    },
    {
      figure: `${name}: RSS growth over the guesses`,
      value: `${(after - before).toFixed(1)} MB (${before.toFixed(0)} → ${after.toFixed(0)} MB; ${fresh.toFixed(0)} MB before ${warmUp} warm-up guesses)`,
      budget: `< ${RSS_BUDGET_MB} MB`,
      holds: after - before < RSS_BUDGET_MB,
    },
  ];
}

async function createRun(port: number): Promise<Row[]> {
  const target = await start(port, {});
  const cookie = await signIn(target);
  const statuses = await inParallel(CREATES, async (i) => {
    const answer = await fetch(`${target.url}/api/generations`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "idempotency-key": `attacks-${i}-${Date.now()}`,
        "x-forwarded-for": rotating(i),
        cookie: `luma_session=${cookie}`,
      },
      body: JSON.stringify({ prompt: `Rotating client ${i}`, aspectRatio: "1:1" }),
    });
    await answer.arrayBuffer();
    return answer.status;
  });
  await target.stop();
  const accepted = statuses.get(201) ?? 0;
  return [
    { figure: "creates: answers", value: format(statuses) },
    {
      figure: "creates accepted",
      value: `${accepted} of ${CREATES}`,
      budget: `≤ ${SUBMIT_LIMIT} (SUBMIT_RATE_LIMIT)`,
      holds: accepted <= SUBMIT_LIMIT,
    },
  ];
}

const rows: Row[] = [
  ...(await guessRun("direct", 3441, {})),
  ...(await guessRun("behind a proxy", 3442, { TRUSTED_PROXIES: "1" })),
  ...(await createRun(3443)),
];
printRows("attacks (rotating X-Forwarded-For on every request)", rows);
process.exit(rows.some((row) => row.holds === false) ? 1 : 0);
