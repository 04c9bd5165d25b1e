import { accountBalance } from "@/lib/server/balance";
import { route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

/** What the upstream account has left, or `{balance: null}` when the upstream does not say. */
export const GET = route({}, async () => accountBalance());
