import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Unit tests that need a real PostgreSQL (`*.pg.test.ts`): the global setup starts a throwaway server
 * from Debian's packages on loopback (port PG_TEST_PORT, default 5212). Run by `npm run test:scale`.
 * Not merged with vitest.config.ts: mergeConfig appends to `include` instead of replacing it.
 */
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    include: ["lib/**/*.pg.test.ts"],
    exclude: ["**/node_modules/**"],
    globalSetup: ["tests/support/postgres-global-setup.ts"],
    // The files share one server; each uses its own database.
    fileParallelism: false,
  },
});
