import * as z from "zod/mini";

/**
 * `POST /api/account/import`: what one run brought in from the provider's account (shared by the route
 * and the browser, zod/mini like every schema the browser ships).
 */

const count = () => z.number().check(z.int(), z.nonnegative());

export const AccountImportSchema = z.object({
  /** Finished clips the studio did not hold, now in the gallery (their media are being copied). */
  imported: count(),
  /** Finished clips the studio already held: made here, or imported before. */
  alreadyHere: count(),
  /** Generations not brought in: failed, still running, or with no video (a still image). */
  skipped: count(),
  /** False when a run stopped before the listing's end (its page limit, or the upstream stopped answering): import again for the rest. */
  complete: z.boolean(),
});
export type AccountImport = z.infer<typeof AccountImportSchema>;
