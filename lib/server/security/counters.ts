import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, lt, sql } from "drizzle-orm";
import type { Database } from "../db/open";
import { rateEvents } from "../db/schema";

/**
 * Rate limits counted in the database, so every instance on one PostgreSQL shares them (PGlite runs the
 * same statements). An exact sliding window: a take counts the key's events in the last `windowMs` and
 * records one more only when that is under the limit, inside a transaction holding an advisory lock on
 * the key, so two instances can never both take the last slot. A refused take records nothing, so a key
 * never holds more rows than its limit; rows are pruned once expired, at most once a minute per
 * instance. No server-only: unit-tested on PGlite (counters.test.ts) and Postgres (counters.pg.test.ts).
 */

export interface Take {
  /** 0 when the slot was taken, else the seconds until one frees up. */
  wait: number;
  /** The recorded event, for `refund`; null when refused. */
  id: string | null;
}

// Any fixed number: only our own instances take these locks (hashed together with the key).
const LOCK_SEED = 7_345_002;

export class SharedCounters {
  private lastPrune = 0;
  constructor(private readonly db: () => Promise<Database>) {}

  async take(key: string, max: number, windowMs: number, now = Date.now()): Promise<Take> {
    const db = await this.db();
    await this.prune(db, now);
    return db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, ${LOCK_SEED}))`);
      const recent = await tx
        .select({ at: rateEvents.at })
        .from(rateEvents)
        .where(and(eq(rateEvents.key, key), gt(rateEvents.at, now - windowMs)))
        .orderBy(asc(rateEvents.at));
      if (recent.length < max) {
        const id = randomUUID();
        await tx.insert(rateEvents).values({ id, key, at: now, expiresAt: now + windowMs });
        return { wait: 0, id };
      }
      // When this one leaves the window, one slot is free.
      const freeing = recent[recent.length - max]?.at ?? now;
      return { wait: Math.max(1, Math.ceil((freeing + windowMs - now) / 1000)), id: null };
    });
  }

  /** Gives back a slot (a request that turned out not to count). */
  async refund(id: string | null): Promise<void> {
    if (!id) return;
    const db = await this.db();
    await db.delete(rateEvents).where(eq(rateEvents.id, id));
  }

  private async prune(db: Database, now: number) {
    if (now - this.lastPrune < 60_000) return;
    this.lastPrune = now;
    await db.delete(rateEvents).where(lt(rateEvents.expiresAt, now));
  }
}
