import { route } from "@/lib/server/http/route";
import { extendGeneration } from "@/lib/server/tasks/extend";
import { ExtendGenerationSchema } from "@/lib/shared/generation-input";
import { idempotencyKeyOf, submitted, TaskParamsSchema } from "../../schema";

/** Extends a finished clip upstream; the new task records the clip as its parent. */
export const POST = route(
  { params: TaskParamsSchema, body: ExtendGenerationSchema, submits: true },
  async ({ request, params, body }) =>
    submitted(await extendGeneration(params.id, body, idempotencyKeyOf(request))),
);
