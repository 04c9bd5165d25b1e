import { route } from "@/lib/server/http/route";
import { editGeneration } from "@/lib/server/tasks/edit";
import { UpscaleInputSchema } from "@/lib/shared/edit-input";
import { idempotencyKeyOf, submitted, TaskParamsSchema } from "../../schema";

/** A new clip: this finished clip at a higher resolution (official API only). */
export const POST = route(
  { params: TaskParamsSchema, body: UpscaleInputSchema, submits: true },
  async ({ request, params, body }) =>
    submitted(await editGeneration(params.id, { tool: "upscale", input: body }, idempotencyKeyOf(request))),
);
