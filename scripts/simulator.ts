/**
 * Standalone Luma-compatible simulator: `npm run simulator -- --port 4010`.
 * Flags win over environment variables (SIM_*); faults come as JSON (`--faults '{"failureRate":0.2}'`).
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { createSimulatorServer, parseFaults } from "../lib/simulator";

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    token: { type: "string" },
    "data-dir": { type: "string" },
    "public-url": { type: "string" },
    "pending-ms": { type: "string" },
    "processing-ms": { type: "string" },
    concurrency: { type: "string" },
    "render-scale": { type: "string" },
    "duration-scale": { type: "string" },
    preset: { type: "string" },
    faults: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

if (values.help) {
  console.log(`usage: npm run simulator -- [--port 4010] [--host 127.0.0.1] [--token sim-token]
  [--data-dir data/simulator] [--public-url URL] [--pending-ms 1500] [--processing-ms 4000]
  [--concurrency 2] [--render-scale 1] [--duration-scale 1] [--preset veryfast] [--faults JSON]
env: SIM_PORT SIM_HOST SIM_TOKEN SIM_DATA_DIR SIM_PUBLIC_URL SIM_PENDING_MS SIM_PROCESSING_MS
     SIM_CONCURRENCY SIM_RENDER_SCALE SIM_DURATION_SCALE SIM_PRESET SIM_FAULTS`);
  process.exit(0);
}

const number = z.coerce.number().nonnegative();
const config = z
  .object({
    port: z.coerce.number().int().min(0).max(65535).default(4010),
    host: z.string().default("127.0.0.1"),
    token: z.string().min(1).default("sim-token"),
    dataDir: z.string().default("data/simulator"),
    publicUrl: z.url().optional(),
    pendingMs: number.optional(),
    processingMs: number.optional(),
    concurrency: z.coerce.number().int().min(1).optional(),
    renderScale: z.coerce.number().positive().optional(),
    durationScale: z.coerce.number().positive().optional(),
    preset: z.string().optional(),
    faults: z
      .string()
      .optional()
      .transform((text) => parseFaults(text ? JSON.parse(text) : {})),
  })
  .parse({
    port: values.port ?? process.env.SIM_PORT,
    host: values.host ?? process.env.SIM_HOST,
    token: values.token ?? process.env.SIM_TOKEN,
    dataDir: values["data-dir"] ?? process.env.SIM_DATA_DIR,
    publicUrl: values["public-url"] ?? process.env.SIM_PUBLIC_URL,
    pendingMs: values["pending-ms"] ?? process.env.SIM_PENDING_MS,
    processingMs: values["processing-ms"] ?? process.env.SIM_PROCESSING_MS,
    concurrency: values.concurrency ?? process.env.SIM_CONCURRENCY,
    renderScale: values["render-scale"] ?? process.env.SIM_RENDER_SCALE,
    durationScale: values["duration-scale"] ?? process.env.SIM_DURATION_SCALE,
    preset: values.preset ?? process.env.SIM_PRESET,
    faults: values.faults ?? process.env.SIM_FAULTS,
  });

const server = await createSimulatorServer(config);
console.log(`Luma simulator listening on ${server.url} (data: ${server.simulator.dataDir})`);
console.log(`  relay:    POST ${server.url}/luma/generations   (Authorization: Bearer ${config.token})`);
console.log(`  official: POST ${server.url}/dream-machine/v1/generations/video`);
console.log(`  control:  GET  ${server.url}/_sim/state`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    void server.close().then(() => process.exit(0));
  });
}
