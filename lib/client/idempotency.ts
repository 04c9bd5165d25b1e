import { ApiError, NETWORK_STATUS } from "./api";

/**
 * One Idempotency-Key per distinct submission. Submitting the same content again while the previous
 * outcome is unknown (a dropped connection, a double-click) reuses the key, so the server answers with
 * the task it already made instead of calling the upstream twice.
 */

export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // randomUUID exists only in secure contexts; a studio reached over plain http on a LAN lacks it.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** JSON with object keys sorted, so equal content always gives the same text. */
export function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

export class SubmissionKeys {
  private lastFingerprint: string | null = null;
  private lastKey: string | null = null;

  constructor(private readonly makeKey: () => string = newIdempotencyKey) {}

  keyFor(payload: unknown): string {
    const current = fingerprint(payload);
    if (this.lastKey === null || current !== this.lastFingerprint) {
      this.lastFingerprint = current;
      this.lastKey = this.makeKey();
    }
    return this.lastKey;
  }

  /** The server gave a definite answer; the next submit is a new one even with the same content. */
  settle(): void {
    this.lastFingerprint = null;
    this.lastKey = null;
  }
}

/**
 * Whether a failed submit may or may not have made a task. Only then is the key kept for a retry: after
 * a definite answer (a validation error, or an upstream failure recorded on a task) reusing the key
 * would just return that same failed task.
 */
export function outcomeUnknown(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === NETWORK_STATUS || error.status === 500 || error.status === 504;
}
