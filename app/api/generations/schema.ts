import { z } from "zod";
import { AppError } from "@/lib/server/http/errors";
import type { Created } from "@/lib/server/tasks/submit";
import { MAX_CHANGES_WAIT_SECONDS, TASK_STATES } from "@/lib/shared/task";

export const ListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100, { error: "must be at most 100" }).default(24),
  cursor: z.string().max(200).optional(),
  state: z
    .string()
    .optional()
    .transform((value) => (value ? value.split(",") : undefined))
    .pipe(z.array(z.enum(TASK_STATES)).optional()),
  q: z.string().trim().max(200).optional(),
  parentId: z.string().max(64).optional(),
  /** `true`: only starred clips; `false` or absent: every clip. */
  favourite: z
    .enum(["true", "false"], { error: "must be true or false" })
    .optional()
    .transform((value) => value === "true"),
  /** Only clips on this board. */
  board: z.string().min(1).max(64).optional(),
});

export const IdempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{8,200}$/, { error: "Idempotency-Key must be 8 to 200 visible ASCII characters" })
  .nullable();

export const TaskParamsSchema = z.object({ id: z.string().min(1).max(64) });

/** The `Idempotency-Key` header, checked; null when the caller sent none. */
export function idempotencyKeyOf(request: Request): string | null {
  const key = IdempotencyKeySchema.safeParse(request.headers.get("idempotency-key"));
  if (!key.success) {
    throw new AppError("validation_failed", key.error.issues[0]?.message ?? "Bad Idempotency-Key");
  }
  return key.data;
}

/** 201 for a new task; 200 when a repeated Idempotency-Key found the task the first request made. */
export function submitted({ task, created }: Created): Response {
  return Response.json(task, { status: created ? 201 : 200 });
}
export const ChangesQuerySchema = z.object({
  since: z.string().max(40).optional(),
  /** Long poll: hold the answer up to this many seconds while nothing changed since `since`. */
  wait: z.coerce
    .number({ error: "must be a whole number of seconds" })
    .int({ error: "must be a whole number of seconds" })
    .min(0, { error: "must be at least 0" })
    .max(MAX_CHANGES_WAIT_SECONDS, { error: `must be at most ${MAX_CHANGES_WAIT_SECONDS}` })
    .default(0),
});
