import { getPriority } from "node:os";
import { describe, expect, it } from "vitest";
import { runFfmpeg } from "./ffmpeg";

describe("runFfmpeg", () => {
  it("renders at a low CPU priority, below the studio's own process", async () => {
    let niceness: number | null = null;
    const { stdout } = await runFfmpeg(
      [
        "-f",
        "lavfi",
        "-i",
        "color=c=blue:s=32x32:d=0.2",
        "-frames:v",
        "1",
        "-f",
        "image2pipe",
        "-c:v",
        "png",
        "-",
      ],
      {
        onSpawn: (pid) => {
          niceness = getPriority(pid);
        },
      },
    );
    expect(stdout.subarray(1, 4).toString()).toBe("PNG");
    expect(niceness).toBeGreaterThanOrEqual(Math.min(19, getPriority() + 10));
  });
});
