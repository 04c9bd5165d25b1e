import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside a React Server bundle; unit tests run server code directly.
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "tests/**/*.test.ts", "scripts/**/*.test.ts"],
    // Real-Postgres tests run through vitest.postgres.config.ts (npm run test:scale).
    exclude: ["**/node_modules/**", "**/*.pg.test.ts"],
    environment: "node",
    // Several suites render real video with ffmpeg on a 2-core machine; generous limits keep a busy
    // machine from failing a test that is only slow.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
