import { route } from "@/lib/server/http/route";
import { getTask } from "@/lib/server/tasks/queries";
import { checkNow } from "@/lib/server/watcher";
import { TaskParamsSchema } from "../../schema";

/** "Check now": asks the upstream about this task at once, through the watcher's normal path. */
export const POST = route({ params: TaskParamsSchema }, async ({ params }) => {
  await getTask(params.id);
  await checkNow(params.id);
  return getTask(params.id);
});
