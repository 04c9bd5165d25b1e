import { route } from "@/lib/server/http/route";
import { listChanges } from "@/lib/server/tasks/changes";
import { ChangesQuerySchema } from "../schema";

/** The gallery's live feed: what changed since the cursor, and everything still running. */
export const GET = route({ query: ChangesQuerySchema }, async ({ query }) => listChanges(query.since));
