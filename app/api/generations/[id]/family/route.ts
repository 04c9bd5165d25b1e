import { route } from "@/lib/server/http/route";
import { getFamily } from "@/lib/server/tasks/family";
import { TaskParamsSchema } from "../../schema";

/** The clip's family: its original and everything extended or continued from it, in chain order. */
export const GET = route({ params: TaskParamsSchema }, async ({ params }) => getFamily(params.id));
