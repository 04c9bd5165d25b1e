import "server-only";
import { getDb } from "../db";
import { SharedCounters } from "./counters";

const holder = globalThis as typeof globalThis & { __lumaCounters?: SharedCounters };

/** The studio's shared rate-limit counters (one per process, on the studio's database). */
export function sharedCounters(): SharedCounters {
  holder.__lumaCounters ??= new SharedCounters(getDb);
  return holder.__lumaCounters;
}
