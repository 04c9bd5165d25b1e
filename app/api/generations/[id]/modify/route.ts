import { route } from "@/lib/server/http/route";
import { editGeneration } from "@/lib/server/tasks/edit";
import { ModifyInputSchema } from "@/lib/shared/edit-input";
import { idempotencyKeyOf, submitted, TaskParamsSchema } from "../../schema";

/** A new clip: this finished clip restyled by a prompt, as close to it as `mode` says (official API only). */
export const POST = route(
  { params: TaskParamsSchema, body: ModifyInputSchema, submits: true },
  async ({ request, params, body }) =>
    submitted(await editGeneration(params.id, { tool: "modify", input: body }, idempotencyKeyOf(request))),
);
