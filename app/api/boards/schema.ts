import { z } from "zod";

export const BoardParamsSchema = z.object({ id: z.string().min(1).max(64) });
export const BoardClipParamsSchema = z.object({
  id: z.string().min(1).max(64),
  taskId: z.string().min(1).max(64),
});
