import { execFile } from "node:child_process";
import ffprobeInstaller from "@ffprobe-installer/ffprobe";
import { z } from "zod";
import { executable } from "./ffmpeg";

/** The bundled static ffprobe: what the simulator learns about a source video before accepting it. */

function ffprobePath(): string {
  return executable(ffprobeInstaller.path);
}

const probeSchema = z.object({
  streams: z.array(
    z.object({ codec_type: z.string(), width: z.number().optional(), height: z.number().optional() }),
  ),
  /** ffprobe gives a string, or nothing for a still. */
  format: z.object({ duration: z.string().optional() }),
});

export interface MediaInfo {
  width: number;
  height: number;
  /** Seconds; 0 for a still image. */
  duration: number;
}

/** Size and length of the first video stream, or null when the file is not a readable picture or video. */
export function probeMedia(file: string): Promise<MediaInfo | null> {
  return new Promise((resolve) => {
    execFile(
      /*turbopackIgnore: true*/ ffprobePath(),
      ["-v", "error", "-show_entries", "stream=codec_type,width,height:format=duration", "-of", "json", file],
      { timeout: 20_000 },
      (error, stdout) => {
        if (error) return resolve(null);
        try {
          const parsed = probeSchema.parse(JSON.parse(stdout));
          const video = parsed.streams.find((s) => s.codec_type === "video" && s.width && s.height);
          if (!video?.width || !video.height) return resolve(null);
          const duration = Number(parsed.format.duration);
          resolve({
            width: video.width,
            height: video.height,
            duration: Number.isFinite(duration) && duration > 0 ? duration : 0,
          });
        } catch {
          resolve(null);
        }
      },
    );
  });
}
