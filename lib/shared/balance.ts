import * as z from "zod/mini";

/**
 * GET /api/account/balance: what the account behind the studio's token has left, when the upstream
 * says (lib/luma/balance.ts reads it). `null` when no account endpoint answered: the header shows nothing.
 */
export const BalanceSchema = z.object({
  /** `credits`: Luma's `/credits`; `token_usage`: the relay's `/api/usage/token`; `billing`: its OpenAI billing pair. */
  source: z.enum(["credits", "token_usage", "billing"]),
  amount: z.number(),
  /** Luma credits, the relay's quota units, or US dollars. */
  unit: z.enum(["credits", "quota", "usd"]),
  /** A relay token without a quota; `amount` then means nothing. */
  unlimited: z.boolean(),
});
export type AccountBalance = z.infer<typeof BalanceSchema>;

export const BalanceAnswerSchema = z.object({ balance: z.nullable(BalanceSchema) });
export type BalanceAnswer = z.infer<typeof BalanceAnswerSchema>;
