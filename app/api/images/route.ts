import { route } from "@/lib/server/http/route";
import { createImage } from "@/lib/server/tasks/image";
import { CreateImageSchema } from "@/lib/shared/image-input";
import { idempotencyKeyOf, submitted } from "../generations/schema";

/** A still from text (official Photon): a new task of kind `image`, followed like a clip. */
export const POST = route({ body: CreateImageSchema, submits: true }, async ({ request, body }) =>
  submitted(await createImage(body, idempotencyKeyOf(request))),
);
