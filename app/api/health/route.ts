import { checkHealth } from "@/lib/server/health";
import { route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ access: "public" }, async () => {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503 });
});
