import "server-only";
import { isLumaError } from "@/lib/luma";
import { AppError } from "../http/errors";

export interface SubmitFailure {
  /** Recorded on the task as its failure reason. */
  reason: string;
  /** Recorded on the task as `errorCode`. */
  code: string;
  /** What the API answers. */
  answer: AppError;
}

/**
 * How a failed submit is recorded on the task and answered to the browser. The upstream's own words are
 * kept; when we cannot tell whether the upstream accepted the submit, the task says so instead of
 * guessing, and the studio does not send it again by itself.
 */
export function describeSubmitFailure(error: unknown, taskId: string): SubmitFailure {
  if (!isLumaError(error)) {
    return {
      reason: "The studio could not send this request to the upstream",
      code: "internal",
      answer: new AppError("internal", "The studio could not send this request to the upstream. Try again.", {
        taskId,
      }),
    };
  }
  const upstream = error.upstreamMessage;
  switch (error.kind) {
    case "rejected":
    case "not_found":
      return {
        reason: upstream ?? error.message,
        code: `upstream_${error.kind}`,
        answer: new AppError("upstream_rejected", upstream ?? error.message, {
          taskId,
          upstream: upstream ?? error.message,
        }),
      };
    case "unauthorized":
      return {
        reason: "The upstream refused the studio's API token",
        code: "upstream_unauthorized",
        answer: new AppError(
          "upstream_rejected",
          "The upstream refused the studio's API token. Ask the studio's owner to check LUMA_API_KEY.",
          { taskId },
        ),
      };
    case "rate_limited": {
      const seconds = Math.max(1, Math.ceil((error.retryAfterMs ?? 10_000) / 1000));
      return {
        reason: upstream ? `Rate limited by the upstream: ${upstream}` : "Rate limited by the upstream",
        code: "upstream_rate_limited",
        answer: new AppError("rate_limited", `The upstream is busy; try again in ${seconds} s`, {
          retryAfterSeconds: seconds,
          taskId,
        }),
      };
    }
    default:
      return {
        reason: `The upstream did not confirm this request (${upstream ?? error.message}). It may still appear on the upstream's side.`,
        code: "upstream_unconfirmed",
        answer: new AppError(
          "upstream_unavailable",
          `The upstream did not answer properly: ${upstream ?? error.message}`,
          { taskId, upstream: upstream ?? error.message },
        ),
      };
  }
}
