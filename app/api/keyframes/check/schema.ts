import { z } from "zod";

export const KeyframeCheckBodySchema = z.object({
  url: z
    .url({ protocol: /^https?$/, error: "must be an http(s) image URL" })
    .max(2048, "must be at most 2048 characters"),
});
