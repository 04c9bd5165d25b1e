import * as z from "zod/mini";
import { TaskSchema } from "./task";

/**
 * A clip's family: the original it descends from and every clip grown from it (extensions and
 * "continue from last frame" clips), in the order they were made within each generation.
 */
export const FamilyMemberSchema = z.object({
  /** 0 for the original, 1 for its extensions, 2 for extensions of those, … */
  depth: z.number().check(z.int(), z.nonnegative()),
  task: TaskSchema,
});
export type FamilyMember = z.infer<typeof FamilyMemberSchema>;

export const FamilySchema = z.object({
  rootId: z.string(),
  /**
   * The first member grew from a clip that has since been deleted, so it is a survivor, not the
   * original. Optional so older answers and fixtures stay valid.
   */
  originDeleted: z.optional(z.boolean()),
  members: z.array(FamilyMemberSchema),
});
export type Family = z.infer<typeof FamilySchema>;
