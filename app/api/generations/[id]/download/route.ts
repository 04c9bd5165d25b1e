import { route } from "@/lib/server/http/route";
import { downloadClip } from "@/lib/server/media/download";
import { TaskParamsSchema } from "../../schema";

/** The finished video as an attachment named after its prompt, from the studio's own copy. */
export const GET = route({ params: TaskParamsSchema }, async ({ params, request }) =>
  downloadClip(params.id, request),
);
export const HEAD = GET;
