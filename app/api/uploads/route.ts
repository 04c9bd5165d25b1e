import { route } from "@/lib/server/http/route";
import { receiveUpload } from "@/lib/server/uploads/intake";

export const POST = route({}, async ({ request }) =>
  Response.json(await receiveUpload(request), { status: 201 }),
);
