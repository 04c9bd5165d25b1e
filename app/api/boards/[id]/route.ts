import { deleteBoard, getBoard, renameBoard } from "@/lib/server/boards/boards";
import { route } from "@/lib/server/http/route";
import { BoardInputSchema } from "@/lib/shared/board";
import { BoardParamsSchema } from "../schema";

export const GET = route({ params: BoardParamsSchema }, async ({ params }) => getBoard(params.id));

export const PATCH = route({ params: BoardParamsSchema, body: BoardInputSchema }, async ({ params, body }) =>
  renameBoard(params.id, body),
);

/** The board and its memberships go; its clips stay in the studio. */
export const DELETE = route({ params: BoardParamsSchema }, async ({ params }) => {
  await deleteBoard(params.id);
  return new Response(null, { status: 204 });
});
