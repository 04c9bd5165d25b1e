import { taskChangeHub } from "@/lib/server/db/listen";
import { AppError } from "@/lib/server/http/errors";
import { errorResponse, route } from "@/lib/server/http/route";
import { waitForChanges } from "@/lib/server/tasks/changes";
import { ChangesQuerySchema } from "../schema";

/**
 * The gallery's live feed: what changed since the cursor, and everything still running. With `wait`,
 * a long poll that answers when something changes (or after `wait` seconds); a closed tab aborts it.
 * While the server shuts down, waiting requests get 503 on a closing connection, so a tab backs off
 * and reconnects to the next process instead of asking this one again and again (which would keep
 * it from ever finishing its open requests).
 */
export const GET = route({ query: ChangesQuerySchema }, async ({ query, request, requestId }) => {
  const answer = await waitForChanges(query.since, query.wait, request.signal, taskChangeHub);
  if (answer !== "closing") return answer;
  const refused = errorResponse(
    new AppError("unavailable", "The studio is restarting. Try again in a moment.", { retryAfterSeconds: 1 }),
    requestId,
  );
  refused.headers.set("connection", "close");
  return refused;
});
