import { createBoard, listBoards } from "@/lib/server/boards/boards";
import { route } from "@/lib/server/http/route";
import { BoardInputSchema } from "@/lib/shared/board";

export const GET = route({}, async () => ({ boards: await listBoards() }));

/** A new, empty board: 201; a name already taken (in any case) or the board limit: 409. */
export const POST = route({ body: BoardInputSchema }, async ({ body }) =>
  Response.json(await createBoard(body), { status: 201 }),
);
