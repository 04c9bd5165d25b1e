import { z } from "zod";
import { route } from "@/lib/server/http/route";
import { describeUpload } from "@/lib/server/uploads/intake";

const UploadParamsSchema = z.object({ id: z.string().min(1).max(64) });

/** A stored upload, as POST /api/uploads answered it (the composer's `?start=` fills a slot with it). */
export const GET = route({ params: UploadParamsSchema }, async ({ params }) => describeUpload(params.id));
