import "server-only";
/**
 * `Range` header parsing for stored media (RFC 9110 §14.1.2), kept pure so it can be tested alone.
 * Only a single range is honoured; anything else (several ranges, other units, a malformed or backwards
 * range) is ignored, which the RFC allows: the whole file is answered with 200.
 */
export function parseRange(header: string | null, size: number): { start: number; end?: number } | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (!match[1] && !match[2])) return null;
  if (!match[1]) {
    // `bytes=-n`: the last n bytes. A zero-length suffix cannot be satisfied; start past the end says so.
    const suffix = Number(match[2]);
    return { start: suffix === 0 ? size : Math.max(0, size - suffix) };
  }
  const start = Number(match[1]);
  const end = match[2] ? Number(match[2]) : undefined;
  if (end !== undefined && end < start) return null;
  return { start, end };
}
