import { z } from "zod";
import { route } from "@/lib/server/http/route";
import { retryFailed } from "@/lib/server/tasks/retry";
import { idempotencyKeyOf, submitted, TaskParamsSchema } from "../../schema";

/** Nothing to choose: the failed clip's own request is sent again. */
const RetryBodySchema = z.strictObject({});

/** Retry a failed clip: a new clip with the same request takes its place (the failed one is removed). */
export const POST = route(
  { params: TaskParamsSchema, body: RetryBodySchema, submits: true },
  async ({ request, params }) => submitted(await retryFailed(params.id, idempotencyKeyOf(request))),
);
