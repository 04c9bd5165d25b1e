import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * `npm run studio:start` exactly as package.json has it (its memory settings included), run by `sh`
 * without npm in between: the script `exec`s, so the process started here is the studio itself and
 * the benches measure what a creator runs. Extra arguments (`-p 3411`) go after the script's own.
 */
export function studioStartScript(): string {
  const manifest = JSON.parse(readFileSync(path.resolve("package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const script = manifest.scripts["studio:start"];
  if (!script) throw new Error("package.json has no studio:start script");
  return script;
}

/** The directory npm puts on PATH for scripts, so the script finds `next`. */
export const binPath = (base = process.env.PATH ?? "") =>
  [path.resolve("node_modules/.bin"), base].filter(Boolean).join(path.delimiter);

export function spawnStudioStart(
  args: readonly string[],
  env: Record<string, string>,
  options: Pick<SpawnOptions, "stdio"> = {},
): ChildProcess {
  return spawn("sh", ["-c", `${studioStartScript()} "$@"`, "studio:start", ...args], {
    ...options,
    env: { NODE_ENV: "production", HOST: "127.0.0.1", ...env, PATH: binPath(env.PATH) },
  });
}
