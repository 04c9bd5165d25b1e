import { z } from "zod";
import { route } from "@/lib/server/http/route";
import { mirrorSoon } from "@/lib/server/media/mirroring";
import { revokeShares, shareTask } from "@/lib/server/share/links";
import { TaskParamsSchema } from "../../schema";

const ShareBodySchema = z.object({ showPrompt: z.boolean().default(true) }).strict();

/** Share a finished clip: 201 with a new link, or 200 with the live one (its prompt setting updated). */
export const POST = route({ params: TaskParamsSchema, body: ShareBodySchema }, async ({ params, body }) => {
  const { share, created } = await shareTask(params.id, body);
  // A shared clip must outlive the provider's links; copying normally finished already.
  mirrorSoon(params.id);
  return Response.json(share, { status: created ? 201 : 200 });
});

/** Stop sharing: the link and its media answer 404 from now on. */
export const DELETE = route({ params: TaskParamsSchema }, async ({ params }) => {
  await revokeShares(params.id);
  return new Response(null, { status: 204 });
});
