/**
 * What each Agents API `failure_code` asks of the creator (UPSTREAM.md §5). English only for now: the
 * studio's translated sentences will be keyed by the same codes. A failed generation is an answer, not a
 * thrown error, so this is a table beside the snapshot's `failureCode` rather than a LumaError kind.
 */

export interface AgentsFailure {
  /** What the creator should change, in one sentence. */
  advice: string;
  /** Sending the same request again may succeed without changing anything. */
  retryable: boolean;
}

export const AGENTS_FAILURE_CODES = {
  content_moderated: {
    advice: "Luma's moderation refused the prompt or a keyframe: rephrase the prompt or change the keyframe.",
    retryable: false,
  },
  generation_failed: {
    advice: "Luma could not finish this generation: try again, or change the prompt if it keeps failing.",
    retryable: true,
  },
  budget_exhausted: {
    advice: "The Luma account is out of credits: add credits, then try again.",
    retryable: false,
  },
  output_not_found: {
    advice: "Luma lost the result of this generation: make it again.",
    retryable: true,
  },
  // UPSTREAM.md gives no size limit for images, so none is named here.
  image_too_large: {
    advice: "An image is larger than Luma accepts: use a smaller file or a lower resolution.",
    retryable: false,
  },
  unsupported_format: {
    advice: "An image or video is in a format Luma does not read: save it in another format and try again.",
    retryable: false,
  },
  corrupt_input: {
    advice: "An image or video could not be read: upload it again or use another file.",
    retryable: false,
  },
  invalid_request: {
    advice: "Luma refused the settings of this request: check the duration, resolution, ratio and frames.",
    retryable: false,
  },
  rate_limited: {
    advice: "Luma was busy with too many requests: the studio will try again.",
    retryable: true,
  },
} as const satisfies Record<string, AgentsFailure>;

export type AgentsFailureCode = keyof typeof AGENTS_FAILURE_CODES;

/** The entry for a code, case-insensitively; null for a code the studio does not know yet (or none). */
export function agentsFailure(code: string | null | undefined): AgentsFailure | null {
  const key = code?.trim().toLowerCase();
  if (!key || !Object.hasOwn(AGENTS_FAILURE_CODES, key)) return null;
  return AGENTS_FAILURE_CODES[key as AgentsFailureCode];
}
