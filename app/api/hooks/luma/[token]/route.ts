import { z } from "zod";
import { receiveHook } from "@/lib/server/hooks";
import { AppError } from "@/lib/server/http/errors";
import { route } from "@/lib/server/http/route";

const ParamsSchema = z.object({ token: z.string().min(10).max(200) });
const MAX_HOOK_BYTES = 1024 * 1024;

// Upstreams post any shape, sometimes without a JSON content type, so the body is read as text here.
export const POST = route(
  { params: ParamsSchema, access: "public", foreignPosts: true },
  async ({ request, params }) => {
    const text = await request.text();
    if (text.length > MAX_HOOK_BYTES) throw new AppError("payload_too_large", "Webhook body too large");
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return receiveHook(params.token, body);
  },
);
