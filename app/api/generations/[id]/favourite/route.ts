import { setFavourite } from "@/lib/server/boards/clips";
import { route } from "@/lib/server/http/route";
import { TaskParamsSchema } from "../../schema";

/** Star a clip (idempotent); answers the clip. */
export const PUT = route({ params: TaskParamsSchema }, async ({ params }) => setFavourite(params.id, true));

/** Unstar a clip (idempotent); answers the clip. */
export const DELETE = route({ params: TaskParamsSchema }, async ({ params }) =>
  setFavourite(params.id, false),
);
