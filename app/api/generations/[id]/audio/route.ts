import { route } from "@/lib/server/http/route";
import { editGeneration } from "@/lib/server/tasks/edit";
import { AudioInputSchema } from "@/lib/shared/edit-input";
import { idempotencyKeyOf, submitted, TaskParamsSchema } from "../../schema";

/** A new clip: this finished clip with a generated soundtrack (official API only). */
export const POST = route(
  { params: TaskParamsSchema, body: AudioInputSchema, submits: true },
  async ({ request, params, body }) =>
    submitted(await editGeneration(params.id, { tool: "audio", input: body }, idempotencyKeyOf(request))),
);
