import { cameraConcepts } from "@/lib/server/concepts";
import { route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

/** Camera motions a create can name in `concepts`: `{concepts: [...]}`, `available: false` when unknown. */
export const GET = route({}, async () => {
  const concepts = await cameraConcepts();
  return Response.json({ concepts: concepts ?? [], available: concepts !== null });
});
