import "server-only";
import { AppError } from "./errors";

/**
 * Input no route can use, refused at the boundary before it reaches the database (PostgreSQL refuses
 * NUL in text, which used to surface as a 500 with the whole statement in the log): a NUL character in
 * a path segment names nothing (404); in the query or body it is a field error (400). A path that does
 * not decode at all is answered 404 by proxy.ts before Next tries to route it. No secrets here, so
 * proxy.ts may import it.
 */

const NUL = "\u0000";
const MAX_DEPTH = 64;

function nulField(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === "string") return value.includes(NUL) ? path : null;
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return null;
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  for (const [key, item] of entries) {
    const where = path ? `${path}.${key}` : key;
    if (key.includes(NUL)) return path || "body";
    const found = nulField(item, where, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** Refuses a query or body holding a NUL character anywhere, naming the field. */
export function assertNoNul(value: unknown, where: "query" | "body"): void {
  const field = nulField(value, "");
  if (field === null) return;
  const name = field || where;
  const problem = "must not contain a NUL character";
  throw new AppError("validation_failed", `${name}: ${problem}`, { fields: { [name]: problem } });
}

/** The route's decoded path params; a segment with a NUL character cannot name anything. */
export async function pathParams(
  params: Promise<Record<string, string | string[]>> | undefined,
): Promise<Record<string, string | string[]> | undefined> {
  const value = await params;
  if (value && nulField(value, "") !== null) throw new AppError("not_found", "Not found");
  return value;
}

/** False for a path with a percent sequence that is not UTF-8 (`%c0`) or that decodes to NUL. */
export function isDecodablePath(pathname: string): boolean {
  try {
    return !decodeURIComponent(pathname).includes(NUL);
  } catch {
    return false;
  }
}
