import { setBoardClip } from "@/lib/server/boards/clips";
import { route } from "@/lib/server/http/route";
import { BoardClipParamsSchema } from "../../../schema";

/** Put a clip on the board (idempotent); answers the clip with its new `boardIds`. */
export const PUT = route({ params: BoardClipParamsSchema }, async ({ params }) =>
  setBoardClip(params.id, params.taskId, true),
);

/** Take a clip off the board (idempotent); the clip itself stays. */
export const DELETE = route({ params: BoardClipParamsSchema }, async ({ params }) =>
  setBoardClip(params.id, params.taskId, false),
);
