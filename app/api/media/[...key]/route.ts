import { z } from "zod";
import { route } from "@/lib/server/http/route";
import { serveStored } from "@/lib/server/media-serve";

const ParamsSchema = z.object({
  key: z
    .array(z.string().regex(/^[\w][\w.-]*$/))
    .min(2)
    .max(4),
});

export const GET = route({ params: ParamsSchema }, async ({ params, request }) =>
  serveStored(params.key.join("/"), request),
);
export const HEAD = GET;
