import "server-only";
import type { TaskRow } from "../db/schema";
import { AppError } from "../http/errors";
import { getTaskRow } from "./queries";

export type LineageAction =
  | "extend"
  | "continue"
  | "upscale"
  | "audio"
  | "modify"
  | "reframe"
  | "interpolate";

const VERB: Record<LineageAction, string> = {
  extend: "extended",
  continue: "continued from its last frame",
  upscale: "upscaled",
  audio: "given sound",
  modify: "modified",
  reframe: "reframed",
  interpolate: "bridged to another clip",
};

/**
 * The clip a new one grows from. Only a finished clip can be extended, continued or edited; the answer says
 * why not, so the creator knows whether to wait (still rendering) or pick another clip (failed).
 */
export async function requireCompletedParent(id: string, action: LineageAction): Promise<TaskRow> {
  const parent = await getTaskRow(id);
  const verb = VERB[action];
  if (parent.kind === "image") {
    throw new AppError(
      "conflict",
      `This is an image, not a clip, so it cannot be ${verb}. Use it as a keyframe of a new clip instead.`,
    );
  }
  if (parent.state === "failed") {
    throw new AppError(
      "conflict",
      `This clip failed, so it has no video to be ${verb}. Pick a finished clip, or generate it again.`,
    );
  }
  if (parent.state !== "completed") {
    throw new AppError(
      "conflict",
      `This clip is still rendering (${parent.state}); it can be ${verb} once it is finished.`,
    );
  }
  return parent;
}
