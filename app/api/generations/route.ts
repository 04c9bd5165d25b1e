import { AppError } from "@/lib/server/http/errors";
import { route } from "@/lib/server/http/route";
import { createGeneration } from "@/lib/server/tasks/create";
import { listTasks } from "@/lib/server/tasks/queries";
import { CreateGenerationSchema } from "@/lib/shared/generation-input";
import { IdempotencyKeySchema, ListQuerySchema } from "./schema";

export const GET = route({ query: ListQuerySchema }, async ({ query }) =>
  listTasks({
    limit: query.limit,
    cursor: query.cursor,
    states: query.state,
    search: query.q,
    parentId: query.parentId,
  }),
);

export const POST = route({ body: CreateGenerationSchema }, async ({ request, body }) => {
  const key = IdempotencyKeySchema.safeParse(request.headers.get("idempotency-key"));
  if (!key.success)
    throw new AppError("validation_failed", key.error.issues[0]?.message ?? "Bad Idempotency-Key");
  const { task, created } = await createGeneration(body, key.data);
  return Response.json(task, { status: created ? 201 : 200 });
});
