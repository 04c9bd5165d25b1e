import { z } from "zod";
import { route } from "@/lib/server/http/route";
import { imageAsKeyframe } from "@/lib/server/tasks/image";
import { TaskParamsSchema } from "../../schema";

/** "Use as keyframe": this finished image as an upload (`{id, url, width, height, …}`) for a keyframe slot. */
/** Nothing to choose: the image is named by the path. */
const KeyframeBodySchema = z.strictObject({});

export const POST = route({ params: TaskParamsSchema, body: KeyframeBodySchema }, async ({ params }) =>
  Response.json(await imageAsKeyframe(params.id), { status: 201 }),
);
