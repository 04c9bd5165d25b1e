import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./e2e/support/chromium";
import { binPath, studioStartScript } from "./e2e/support/studio-command";

/**
 * End-to-end tests drive the production build (`next build` runs first, in scripts/test.sh) in
 * Debian's Chromium against the built-in simulator, with data in a throwaway folder.
 */

const PORT = Number(process.env.E2E_PORT ?? 3100);
const dataRoot = path.resolve(`.tmp/e2e-${PORT}`);

export const e2eServerEnv = {
  PORT: String(PORT),
  DATABASE_URL: `pglite:${dataRoot}/db`,
  MEDIA_DIR: `${dataRoot}/media`,
  SIMULATOR_DIR: `${dataRoot}/simulator`,
  SIMULATOR_SPEED: "10",
  SIMULATOR_TOKEN: "e2e-simulator-token",
  LUMA_PROVIDER: "simulator",
  NEXT_TELEMETRY_DISABLED: "1",
  // The suite starts clips faster than a person would, all from 127.0.0.1; security.spec.ts tests the limit.
  SUBMIT_RATE_LIMIT: "1000",
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Generous: several specs start extra studios and render real video on a 2-core machine.
  timeout: 150_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: ".tmp/playwright.json" }]],
  outputDir: "test-results",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // Idle connections kept longer than any pause in a test: with Node's default 5 s, a request the
    // tests' client sends on a pooled socket just as the server closes it fails with ECONNRESET.
    // The studio starts as `npm run studio:start` does (its memory settings included), on loopback.
    command: `rm -rf ${dataRoot} && ${studioStartScript()} -p ${PORT} --keepAliveTimeout 120000`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { ...e2eServerEnv, HOST: "127.0.0.1", PATH: binPath() },
    stdout: "pipe",
    stderr: "pipe",
  },
});
