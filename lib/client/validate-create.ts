import type { Translate } from "@/lib/i18n/translate";
import type { ProviderCapabilities } from "@/lib/luma/capabilities";
import {
  type CreateGenerationInput,
  CreateGenerationSchema,
  capabilityProblems,
} from "@/lib/shared/generation-input";
import { type FieldErrors, toFieldErrors } from "./field-errors";

/**
 * Problems found before anything is sent: the shared schema, then what this provider accepts. Loaded
 * with the browser's schemas (`loadSchemas().validateLocally`), outside the first load.
 */
export function validateLocally(
  candidate: unknown,
  caps: ProviderCapabilities,
  t: Translate,
): { input: CreateGenerationInput | null; errors: FieldErrors } {
  const parsed = CreateGenerationSchema.safeParse(candidate);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join(".")] ??= issue.message;
    return { input: null, errors: toFieldErrors(fields, undefined, t).errors };
  }
  return {
    input: parsed.data,
    errors: toFieldErrors(capabilityProblems(parsed.data, caps), undefined, t).errors,
  };
}
