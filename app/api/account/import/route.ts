import { z } from "zod";
import { route } from "@/lib/server/http/route";
import { importFromAccount } from "@/lib/server/tasks/import";

/** Nothing to choose: every finished clip of the account the studio does not hold yet comes in. */
const ImportBodySchema = z.strictObject({});

/** Import from my Luma account (official API): `{imported, alreadyHere, skipped, complete}`. */
export const POST = route({ body: ImportBodySchema, submits: true }, async () => importFromAccount());
