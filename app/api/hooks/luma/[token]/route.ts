import { z } from "zod";
import { receiveHook } from "@/lib/server/hooks";
import { BODY_LIMITS, readTextBody } from "@/lib/server/http/body";
import { route } from "@/lib/server/http/route";

const ParamsSchema = z.object({ token: z.string().min(10).max(200) });

// Upstreams post any shape, sometimes without a JSON content type, so the body is read as text here,
// within the webhook limit (a body over it is 413, never cut).
export const POST = route(
  { params: ParamsSchema, access: "public", foreignPosts: true },
  async ({ request, params }) => {
    const text = await readTextBody(request, BODY_LIMITS.hook);
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return receiveHook(params.token, body);
  },
);
