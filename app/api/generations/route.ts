import { route } from "@/lib/server/http/route";
import { createGeneration } from "@/lib/server/tasks/create";
import { listTasks } from "@/lib/server/tasks/queries";
import { CreateGenerationSchema } from "@/lib/shared/generation-input";
import { idempotencyKeyOf, ListQuerySchema, submitted } from "./schema";

export const GET = route({ query: ListQuerySchema }, async ({ query }) =>
  listTasks({
    limit: query.limit,
    cursor: query.cursor,
    states: query.state,
    search: query.q,
    parentId: query.parentId,
    favourite: query.favourite,
    boardId: query.board,
  }),
);

export const POST = route({ body: CreateGenerationSchema, submits: true }, async ({ request, body }) =>
  submitted(await createGeneration(body, idempotencyKeyOf(request))),
);
