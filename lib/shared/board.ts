import * as z from "zod/mini";
import { BOARD_NAME_MAX } from "./board-limits";

/**
 * Boards as the studio's API shows them, shared by the route handlers and the browser (zod/mini; the
 * browser loads them on demand, lib/client/schemas.ts). A board is a named collection of clips; a clip
 * may sit on several.
 */

export { BOARD_NAME_MAX, MAX_BOARDS } from "./board-limits";

export const BoardNameSchema = z
  .string({ error: "must be text" })
  .check(
    z.trim(),
    z.minLength(1, { error: "must not be empty" }),
    z.maxLength(BOARD_NAME_MAX, { error: `must be at most ${BOARD_NAME_MAX} characters` }),
  );

export const BoardInputSchema = z.strictObject({ name: BoardNameSchema });
export type BoardInput = z.infer<typeof BoardInputSchema>;

export const BoardSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** How many clips are on it. */
  clipCount: z.number().check(z.int(), z.nonnegative()),
  /** The poster of the clip added last, for the boards menu; null while it holds no finished clip. */
  cover: z.nullable(z.object({ url: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Board = z.infer<typeof BoardSchema>;

export const BoardListSchema = z.object({ boards: z.array(BoardSchema) });
export type BoardList = z.infer<typeof BoardListSchema>;
