import { receiveShareTarget } from "@/lib/server/uploads/share-target";
import { shareTargetRefusal } from "@/lib/server/uploads/share-target-page";

/**
 * The installed app's share target (app/manifest.ts): a photo shared from the phone's gallery is
 * stored like POST /api/uploads stores one, and the studio opens with it as the start keyframe. Not
 * the `route()` wrapper: this is a page navigation, so it answers redirects and a page, never JSON; it
 * makes the same checks itself (lib/server/uploads/share-target.ts).
 */
export async function POST(request: Request): Promise<Response> {
  const requestId = crypto.randomUUID();
  try {
    const location = await receiveShareTarget(request);
    return new Response(null, { status: 303, headers: { location, "x-request-id": requestId } });
  } catch (error) {
    return shareTargetRefusal(request, error, requestId);
  }
}
