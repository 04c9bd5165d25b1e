import { route } from "@/lib/server/http/route";
import { editGeneration } from "@/lib/server/tasks/edit";
import { ReframeInputSchema } from "@/lib/shared/edit-input";
import { idempotencyKeyOf, submitted, TaskParamsSchema } from "../../schema";

/** A new clip: this finished clip in another aspect ratio, placed where the creator put it (official API only). */
export const POST = route(
  { params: TaskParamsSchema, body: ReframeInputSchema, submits: true },
  async ({ request, params, body }) =>
    submitted(await editGeneration(params.id, { tool: "reframe", input: body }, idempotencyKeyOf(request))),
);
