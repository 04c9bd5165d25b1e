import { route } from "@/lib/server/http/route";
import { continueFromLastFrame } from "@/lib/server/tasks/continue";
import { ContinueGenerationSchema } from "@/lib/shared/generation-input";
import { idempotencyKeyOf, submitted, TaskParamsSchema } from "../../schema";

/** "Continue from last frame": a new clip that starts from this clip's last frame. */
export const POST = route(
  { params: TaskParamsSchema, body: ContinueGenerationSchema, submits: true },
  async ({ request, params, body }) =>
    submitted(await continueFromLastFrame(params.id, body, idempotencyKeyOf(request))),
);
