import { route } from "@/lib/server/http/route";
import { editGeneration } from "@/lib/server/tasks/edit";
import { InterpolateInputSchema } from "@/lib/shared/edit-input";
import { idempotencyKeyOf, submitted, TaskParamsSchema } from "../../schema";

/** A new clip bridging this finished clip's last frame to another's first (official API only). */
export const POST = route(
  { params: TaskParamsSchema, body: InterpolateInputSchema, submits: true },
  async ({ request, params, body }) =>
    submitted(
      await editGeneration(params.id, { tool: "interpolate", input: body }, idempotencyKeyOf(request)),
    ),
);
