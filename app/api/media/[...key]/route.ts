import { z } from "zod";
import { route } from "@/lib/server/http/route";
import { answerMedia } from "@/lib/server/media/media-route";

const ParamsSchema = z.object({
  key: z
    .array(z.string().regex(/^[\w-][\w.-]*$/))
    .min(2)
    .max(8),
});
const QuerySchema = z.object({ download: z.literal("1").optional() });

export const GET = route(
  // Public at this layer: share and signed keyframe paths are for everyone; media-route.ts checks the rest.
  { params: ParamsSchema, query: QuerySchema, access: "public" },
  async ({ params, query, request }) => answerMedia(params.key, request, query.download === "1"),
);
export const HEAD = GET;
