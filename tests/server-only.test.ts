import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The rule: every module under lib/server that is not a test starts with `import "server-only";`, so a
 * browser bundle that reaches one fails the build instead of shipping the token. Exceptions must load
 * outside a React Server bundle (drizzle-kit, tsx scripts, Playwright), and may import only each other:
 * everything that can see a secret (env.ts, the session, the upstream client, the database handle) is
 * server-only, so an allowed module cannot reach one. lib/luma and lib/shared, which the browser and the
 * simulator load, never reach lib/server or process.env at all: a secret only comes to them as an argument.
 */

const ROOT = path.resolve(import.meta.dirname, "..");

const ALLOWED: Record<string, string> = {
  "lib/server/db/schema.ts": "drizzle-kit and the bench scripts load the table definitions outside Next",
  "lib/server/db/open.ts":
    "bench scripts and tests/support open databases with it; the URL comes as an argument",
  "lib/server/db/pglite.ts": "open.ts starts the embedded database with it (and scripts/db-template.ts)",
  "lib/server/uploads/image.ts": "e2e/continue.spec.ts checks images with it under Playwright",
};

const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

/** App modules: not tests, nor the shared suites tests run (storage/contract.ts), which import vitest. */
const sourcesUnder = (dir: string) =>
  readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => path.join(dir, file).split(path.sep).join("/"))
    .filter((file) => !/^import .* from "vitest";$/m.test(read(file)))
    .sort();

/** Imports that load code at run time: not `import type` / `export type`. */
function valueImports(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s+(?!type\s)[^;"]*?\bfrom\s+"([^"]+)"/gm,
    /^\s*import\s+"([^"]+)"/gm,
    /\bimport\(\s*"([^"]+)"\s*\)/g,
  ];
  for (const pattern of patterns)
    for (const match of source.matchAll(pattern)) specifiers.push(match[1] ?? "");
  return specifiers;
}

/** The repository file a specifier names, or null for a package. */
function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? specifier.slice(2)
    : specifier.startsWith(".")
      ? path.posix.join(path.posix.dirname(from), specifier)
      : null;
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    if (existsSync(path.join(ROOT, candidate)) && candidate.match(/\.tsx?$/)) return candidate;
  }
  return base;
}

const firstImport = (source: string) => source.match(/^\s*import\b[^;]*;/m)?.[0].trim();

describe("server-only", () => {
  it("opens every lib/server module but the allowed few", () => {
    const missing = sourcesUnder("lib/server").filter(
      (file) => !(file in ALLOWED) && firstImport(read(file)) !== 'import "server-only";',
    );
    expect(missing, 'start these with import "server-only"; (or allow one, with its reason)').toEqual([]);
  });

  it("allows only modules that exist, lack the marker and import nothing but each other", () => {
    for (const file of Object.keys(ALLOWED)) {
      const source = read(file);
      expect(firstImport(source), file).not.toBe('import "server-only";');
      expect(source, `${file} reads the environment`).not.toMatch(/process\.env/);
      for (const specifier of valueImports(source)) {
        const target = resolve(file, specifier);
        if (target?.startsWith("lib/server/"))
          expect(ALLOWED, `${file} imports ${target}`).toHaveProperty([target]);
      }
    }
  });

  it("keeps lib/luma and lib/shared away from lib/server and the environment", () => {
    for (const file of [...sourcesUnder("lib/luma"), ...sourcesUnder("lib/shared")]) {
      const source = read(file);
      expect(source, `${file} reads the environment`).not.toMatch(/process\.env/);
      for (const specifier of valueImports(source)) {
        expect(resolve(file, specifier) ?? "", `${file} imports ${specifier}`).not.toMatch(/^lib\/server\//);
      }
    }
  });

  it("reads value imports the way the checks above need", () => {
    const source = [
      'import "server-only";',
      'import type { A } from "./types";',
      'import { b, type C } from "../env";',
      'export { d } from "./d";',
      'export type { E } from "./e";',
      'const f = await import("./f");',
    ].join("\n");
    expect(valueImports(source).sort()).toEqual(["../env", "./d", "./f", "server-only"]);
  });
});
