import { hasStudioAccess } from "@/lib/server/security/session-store";
import { simulator } from "@/lib/server/simulator";
import { SIMULATOR_MOUNT, simulatorEnabled, simulatorToken } from "@/lib/server/simulator-link";

// The built-in simulator's own HTTP surface (relay and official formats, media, control), mounted only
// in simulator mode. The studio's relay client calls it over HTTP like any other upstream.
export const dynamic = "force-dynamic";

// The studio's server calls with the simulator's bearer token; browsers (playing a clip before it is
// mirrored) need a studio session when a passcode is set. Nothing else gets in.
async function allowed(request: Request): Promise<boolean> {
  const bearer = request.headers.get("authorization")?.trim() === `Bearer ${simulatorToken()}`;
  return bearer || (await hasStudioAccess(request));
}

async function handle(request: Request): Promise<Response> {
  if (!simulatorEnabled())
    return Response.json({ error: { code: "not_found", message: "Not found" } }, { status: 404 });
  if (!(await allowed(request)))
    return Response.json(
      { error: { code: "unauthorized", message: "Sign in to use the studio." } },
      { status: 401 },
    );
  const sim = simulator();
  await sim.ready;
  return sim.handle(request, SIMULATOR_MOUNT);
}

export { handle as DELETE, handle as GET, handle as HEAD, handle as POST };
