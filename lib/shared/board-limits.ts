/** Boards' limits, without the schemas (the browser's first load needs these, not zod); ./board re-exports them. */

/** A board's name, trimmed, is 1 to this many characters. */
export const BOARD_NAME_MAX = 80;
/** A studio holds at most this many boards: a menu of more would be no help. */
export const MAX_BOARDS = 200;
