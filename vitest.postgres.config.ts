import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

/**
 * Unit tests that need a real PostgreSQL (`*.pg.test.ts`): the global setup starts a throwaway server
 * from Debian's packages on loopback (port PG_TEST_PORT, default 5212). Run by `npm run test:scale`.
 * The base config is spread rather than passed to mergeConfig, which would append to `include`.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["lib/**/*.pg.test.ts"],
    exclude: ["**/node_modules/**"],
    globalSetup: ["tests/support/postgres-global-setup.ts"],
    // The files share one server; each uses its own database.
    fileParallelism: false,
  },
});
