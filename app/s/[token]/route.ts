import { z } from "zod";
import { route } from "@/lib/server/http/route";
import { answerSharePage } from "@/lib/server/share/page";

/**
 * The public share page, `/s/{token}`. A route handler that answers plain HTML rather than a page.tsx:
 * an App Router page always ships the framework's client runtime (about 135 KB gzip here), over the
 * share page's 100 KB budget, and this page needs no script at all. See docs/architecture.md.
 */
const ParamsSchema = z.object({ token: z.string() });

export const GET = route({ params: ParamsSchema, access: "public" }, async ({ params, request }) =>
  answerSharePage(params.token, request),
);
export const HEAD = GET;
