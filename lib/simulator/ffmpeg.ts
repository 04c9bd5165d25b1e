import { spawn } from "node:child_process";
import { accessSync, chmodSync, constants } from "node:fs";
import { getPriority, setPriority } from "node:os";
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";

const checked = new Set<string>();

/** A bundled static binary (ffmpeg, ffprobe); some installs drop the exec bit, so restore it once. */
export function executable(binary: string): string {
  if (checked.has(binary)) return binary;
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    chmodSync(binary, 0o755);
  }
  checked.add(binary);
  return binary;
}

/** The bundled static ffmpeg. */
export function ffmpegPath(): string {
  return executable(ffmpegInstaller.path);
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Called with each child's pid, so benchmarks can sample its memory. */
  onSpawn?: (pid: number) => void;
  stdin?: Uint8Array;
}

export interface RunResult {
  stdout: Buffer;
  stderr: string;
}

export class FfmpegError extends Error {}

/**
 * The simulator stands in for a remote upstream: its renders run at a low CPU priority, so on a small
 * machine they never hold up the studio's own requests (a webhook, the live feed's answer, a page) or
 * the browser showing them. Where the system refuses, the render runs at the usual priority.
 */
const RENDER_NICENESS = 10;
function lowerPriority(pid: number): void {
  try {
    setPriority(pid, Math.min(19, getPriority() + RENDER_NICENESS));
  } catch {
    // Not permitted here (or gone already): nothing to lower.
  }
}

export function runFfmpeg(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      /*turbopackIgnore: true*/ ffmpegPath(),
      ["-hide_banner", "-nostdin", "-loglevel", "error", "-y", ...args],
      {
        stdio: [options.stdin ? "pipe" : "ignore", "pipe", "pipe"],
      },
    );
    if (child.pid !== undefined) {
      lowerPriority(child.pid);
      options.onSpawn?.(child.pid);
    }
    const out: Buffer[] = [];
    let err = "";
    child.stdout?.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => {
      // Keep only the tail: the useful part of an ffmpeg error is at the end.
      err = (err + chunk.toString()).slice(-4000);
    });
    if (options.stdin && child.stdin) child.stdin.end(options.stdin);
    const onAbort = () => child.kill("SIGKILL");
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener("abort", onAbort, { once: true });
    child.on("error", (error) => reject(new FfmpegError(error.message)));
    child.on("close", (code, signal) => {
      options.signal?.removeEventListener("abort", onAbort);
      if (code === 0) resolve({ stdout: Buffer.concat(out), stderr: err });
      else reject(new FfmpegError(`ffmpeg exited with ${code ?? signal}: ${err.trim()}`));
    });
  });
}
