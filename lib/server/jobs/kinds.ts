import "server-only";
/** The kinds of background job; each names what its `subject` is. */
export const JOB_KIND = {
  /** Copy a finished clip's media into storage; subject: the task id. */
  mirror: "mirror",
} as const;
