import { route } from "@/lib/server/http/route";
import { deleteTask } from "@/lib/server/tasks/delete";
import { getTask } from "@/lib/server/tasks/queries";
import { TaskParamsSchema } from "../schema";

export const GET = route({ params: TaskParamsSchema }, async ({ params }) => getTask(params.id));

export const DELETE = route({ params: TaskParamsSchema }, async ({ params }) => {
  await deleteTask(params.id);
  return new Response(null, { status: 204 });
});
