import type { UpstreamState } from "./types";

/** Every state word seen on the wire, lower-cased with separators as `_`. */
const STATE_WORDS: Readonly<Record<string, UpstreamState>> = {
  // relay own format
  pending: "queued",
  processing: "running",
  completed: "completed",
  failed: "failed",
  // official API
  queued: "queued",
  dreaming: "running",
  // relay task-tracking wrappers
  not_start: "queued",
  submitted: "queued",
  in_progress: "running",
  success: "completed",
  failure: "failed",
  unknown: "running",
};

function key(word: string): string {
  return word
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** Maps any upstream state word; a word we do not know means "still running", never "done". */
export function mapState(word: string | null): UpstreamState {
  if (word === null) return "running";
  const mapped = key(word);
  // Own keys only: a word like "__proto__" would otherwise answer Object.prototype.
  return Object.hasOwn(STATE_WORDS, mapped) ? STATE_WORDS[mapped]! : "running";
}

/**
 * Batch items carry the relay's own status around Luma's task state. Terminal only when the levels agree
 * (or one is silent); a failure at either level is final. "UNKNOWN" from the relay counts as silence.
 */
export function combineStates(outerWord: string | null, innerWord: string | null): UpstreamState {
  const outer = outerWord !== null && key(outerWord) !== "unknown" ? mapState(outerWord) : null;
  const inner = innerWord !== null ? mapState(innerWord) : null;
  if (outer === null) return inner ?? mapState(outerWord);
  if (inner === null) return outer;
  if (outer === "failed" || inner === "failed") return "failed";
  if (outer === "completed" && inner === "completed") return "completed";
  if (outer === "queued" && inner === "queued") return "queued";
  return "running";
}
