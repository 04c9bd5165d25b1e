import { route } from "@/lib/server/http/route";
import { assertKeyframeCheckAllowed } from "@/lib/server/security/guards";
import { checkKeyframeUrl } from "@/lib/server/tasks/keyframe-url";
import { KeyframeCheckBodySchema } from "./schema";

/** Checks a keyframe URL as it is entered: the same guarded fetch and image rules as submitting it. */
export const POST = route({ body: KeyframeCheckBodySchema }, async ({ request, body }) => {
  await assertKeyframeCheckAllowed(request);
  return checkKeyframeUrl(body.url);
});
