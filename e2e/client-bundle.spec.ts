import fs from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";

// Strings that only exist in server modules: if one shows up in a browser chunk, a server module leaked.
const SERVER_ONLY_MARKERS = [
  "Invalid configuration:",
  "pg_advisory_lock",
  "@electric-sql/pglite",
  "LUMA_API_KEY",
  "DATABASE_URL",
  "drizzle-orm",
  "node:fs",
];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

test("the browser bundles contain no server module", async () => {
  const files = (await filesUnder(".next/static")).filter((file) => /\.(js|css)$/.test(file));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const text = await fs.readFile(file, "utf8");
    for (const marker of SERVER_ONLY_MARKERS) {
      expect(text.includes(marker), `${marker} found in ${file}`).toBe(false);
    }
  }
});
