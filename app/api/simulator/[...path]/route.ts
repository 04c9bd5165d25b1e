import { simulator } from "@/lib/server/simulator";
import { SIMULATOR_MOUNT, simulatorEnabled } from "@/lib/server/simulator-link";

// The built-in simulator's own HTTP surface (relay and official formats, media, control), mounted only
// in simulator mode. The studio's relay client calls it over HTTP like any other upstream.
export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  if (!simulatorEnabled())
    return Response.json({ error: { code: "not_found", message: "Not found" } }, { status: 404 });
  const sim = simulator();
  await sim.ready;
  return sim.handle(request, SIMULATOR_MOUNT);
}

export { handle as DELETE, handle as GET, handle as HEAD, handle as POST };
