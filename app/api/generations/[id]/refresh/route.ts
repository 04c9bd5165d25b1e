import { route } from "@/lib/server/http/route";
import { getTask } from "@/lib/server/tasks/queries";
import { checkNow } from "@/lib/server/watcher";
import { TaskParamsSchema } from "../../schema";

/**
 * "Check now": asks the upstream about this one task at once, unless another poll holds it (then the
 * task is answered as it stands; that poll is already asking).
 */
export const POST = route({ params: TaskParamsSchema }, async ({ params }) => {
  await getTask(params.id);
  await checkNow(params.id);
  return getTask(params.id);
});
