import "server-only";

const NAMED = [
  [21, 9],
  [16, 9],
  [4, 3],
  [1, 1],
  [3, 4],
  [9, 16],
  [9, 21],
] as const;

/** "16:9" for a 1280×720 clip: the nearest common ratio within 3 %, else null. */
export function aspectName(width: number | null, height: number | null): string | null {
  if (!width || !height) return null;
  const ratio = width / height;
  const near = NAMED.find(([w, h]) => Math.abs(ratio / (w / h) - 1) < 0.03);
  return near ? `${near[0]}:${near[1]}` : null;
}
