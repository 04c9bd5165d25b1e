import document from "@/docs/openapi.json";
import { route } from "@/lib/server/http/route";

/**
 * The API's OpenAPI 3.1 document, the committed docs/openapi.json (a unit test keeps it equal to what the
 * route handlers' schemas generate). Public: it is the same for every studio and holds no instance data.
 */
export const GET = route({ access: "public" }, async () => document);
