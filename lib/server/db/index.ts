import "server-only";
import { env } from "../env";
import { type Database, type OpenDatabase, openDatabase } from "./open";

/**
 * The studio's database, opened on first use (never at import time, so `next build` never touches it)
 * and shared through `globalThis` so that dev-mode reloads and separately bundled route chunks reuse
 * one connection instead of opening the embedded database twice.
 */

const holder = globalThis as typeof globalThis & { __lumaDb?: Promise<OpenDatabase> };

export function openStudioDatabase(): Promise<OpenDatabase> {
  if (!holder.__lumaDb) {
    holder.__lumaDb = openDatabase(env().database).catch((error: unknown) => {
      holder.__lumaDb = undefined;
      throw error;
    });
  }
  return holder.__lumaDb;
}

export async function getDb(): Promise<Database> {
  return (await openStudioDatabase()).db;
}

export * as schema from "./schema";
export type { Database };
