import "server-only";
import { env } from "./env";

/** What the studio page may know about the server: never the token or the upstream's address. */
export function studioInfo() {
  return { provider: env().upstream.kind };
}
