import * as z from "zod/mini";

/**
 * Boards as the studio's API shows them, shared by the route handlers and the browser (zod/mini, as
 * the browser ships it). A board is a named collection of clips; a clip may sit on several.
 */

/** A board's name, trimmed, is 1 to this many characters. */
export const BOARD_NAME_MAX = 80;
/** A studio holds at most this many boards: a menu of more would be no help. */
export const MAX_BOARDS = 200;

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
