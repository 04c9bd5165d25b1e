/**
 * `npm run test:scale`: the studio as several instances on a real PostgreSQL and an S3-compatible bucket.
 * Starts Postgres (Debian's packages, installed when missing), s3rver and the standalone simulator on
 * loopback, runs the real-Postgres unit tests, then two `next start` instances of the build against them:
 * polling rate with 1 vs 2 instances, no task polled twice in one interval, each task finished once,
 * media made through one instance served by the other, and one instance SIGKILLed mid-run.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { type LocalPostgres, startLocalPostgres } from "../../tests/support/local-postgres";
import { LOCAL_S3_CREDENTIALS, type LocalS3, startLocalS3 } from "../../tests/support/local-s3";
import { printRows, type Row, removeDir, type Studio, startSimulator, startStudio } from "../bench/harness";
import { simReset } from "./api";
import { checkKill, checkMedia, checkPaging, runClips } from "./phases";

const BASE = Number(process.env.SCALE_PORT_BASE ?? 5210);
const PORTS = { pgUnit: BASE + 1, pg: BASE + 2, s3: BASE + 3, sim: BASE + 4, a: BASE + 5, b: BASE + 6 };
const BUCKET = "luma-scale";
const started = Date.now();
const rows: Row[] = [];

function step(title: string) {
  console.log(`\n▶ ${title} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

if (!existsSync(".next/BUILD_ID")) {
  step("Building the studio (next build)");
  if (spawnSync(path.resolve("node_modules/.bin/next"), ["build"], { stdio: "inherit" }).status !== 0)
    process.exit(1);
}

step("Unit tests on a real PostgreSQL (vitest.postgres.config.ts)");
const unit = spawnSync(
  path.resolve("node_modules/.bin/vitest"),
  ["run", "--config", "vitest.postgres.config.ts"],
  {
    stdio: "inherit",
    env: { ...process.env, PG_TEST_PORT: String(PORTS.pgUnit) },
  },
);
rows.push({
  figure: "real-Postgres unit tests",
  value: unit.status === 0 ? "passed" : "FAILED",
  holds: unit.status === 0,
});

let pg: LocalPostgres | undefined;
let s3: LocalS3 | undefined;
let sim: Awaited<ReturnType<typeof startSimulator>> | undefined;
const studios: Studio[] = [];
try {
  step("Starting PostgreSQL, s3rver and the simulator on loopback");
  pg = await startLocalPostgres(PORTS.pg);
  await pg.createDatabase("luma_scale");
  s3 = await startLocalS3({ bucket: BUCKET, port: PORTS.s3 });
  // Slow enough that every task is polled several times; concurrency so that all of them run at once.
  sim = await startSimulator({ port: PORTS.sim, pendingMs: 1_000, processingMs: 6_000, concurrency: 20 });
  const env = {
    DATABASE_URL: pg.urlFor("luma_scale"),
    MEDIA_DIR: "",
    MEDIA_URL: `s3://${BUCKET}/studio`,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
  };
  const bucket = new S3Client({
    region: "us-east-1",
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: LOCAL_S3_CREDENTIALS,
  });

  step("One instance (A): 20 clips, the baseline polling rate");
  const a = await startStudio({ port: PORTS.a, simulatorUrl: sim.url, env });
  studios.push(a);
  const one = await runClips(sim.url, [a.url], 20, "scale one");
  rows.push(...one.rows);

  step("Two instances (A and B): 20 clips");
  const b = await startStudio({ port: PORTS.b, simulatorUrl: sim.url, env });
  studios.push(b);
  await simReset(sim.url);
  const two = await runClips(sim.url, [a.url, b.url], 20, "scale two");
  rows.push(...two.rows);
  const ratio = two.figures.pollsPerTaskPerMinute / one.figures.pollsPerTaskPerMinute;
  rows.push({
    figure: "polls per task per minute, 2 vs 1 instance",
    value: `${two.figures.pollsPerTaskPerMinute.toFixed(1)} vs ${one.figures.pollsPerTaskPerMinute.toFixed(1)} (×${ratio.toFixed(2)})`,
    // Two instances tick twice as often, so a due task waits less for the next tick (1 s ticks against
    // 1.5–3 s intervals): up to about a third more punctual. A task polled by both would show ×2, and
    // the gap check above would catch it on its own.
    budget: "< ×1.6",
    holds: ratio < 1.6,
  });

  step("A clip made through A, played, downloaded and shared through B");
  const made = two.clips.find((clip) => clip.via === a.url);
  if (!made) throw new Error("no clip was created through A");
  rows.push(
    ...(await checkMedia({
      a: a.url,
      b: b.url,
      id: made.id,
      bucketKey: async (id) => {
        const listed = await bucket.send(
          new ListObjectsV2Command({ Bucket: BUCKET, Prefix: `studio/clips/${id}/` }),
        );
        return (listed.Contents ?? []).map((object) => object.Key ?? "");
      },
      bucketBytes: async (key) => {
        const object = await bucket.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
        return new Uint8Array((await object.Body?.transformToByteArray()) ?? []);
      },
    })),
  );
  rows.push(...(await checkPaging(b.url, 40, "scale two", 20)));

  step("Kill B (SIGKILL) while its clips run: A finishes them");
  await simReset(sim.url);
  rows.push(...(await checkKill(sim.url, a, b, 10)));
} catch (error) {
  rows.push({
    figure: "run",
    value: `stopped: ${error instanceof Error ? error.message : String(error)}`,
    holds: false,
  });
} finally {
  for (const studio of studios) {
    await studio.stop().catch(() => {});
    await removeDir(studio.dataDir);
  }
  await sim?.close();
  if (sim) await removeDir(sim.dataDir);
  await s3?.close();
  await pg?.stop();
}

rows.push({ figure: "scale test took", value: `${((Date.now() - started) / 1000).toFixed(0)} s` });
printRows("\nscale test", rows);
const failed = rows.filter((row) => row.holds === false).length;
const passed = rows.filter((row) => row.holds === true).length;
console.log(`\nscale: ${passed} passed, ${failed} failed`);
// npm test's closing line counts these checks too (scripts/test-summary.mjs).
await mkdir(".tmp", { recursive: true });
await writeFile(".tmp/scale.json", JSON.stringify({ passed, failed }));
process.exit(failed > 0 ? 1 : 0);
