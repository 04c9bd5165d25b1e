import "server-only";

/**
 * Wrong passcodes per client, in memory (pure, unit-tested directly): a few free tries, then each
 * further failure doubles the wait (2 s, 4 s, … up to 15 min). A success clears the client. Memory is
 * bounded: past `capacity` clients, those idle for 30 min are forgotten, then the longest idle ones.
 * The instance-wide ceiling, shared by all instances, is in sign-in.ts (counters.ts).
 */

const IDLE_MS = 30 * 60_000;
const MAX_WAIT_MS = 15 * 60_000;

interface Entry {
  failures: number;
  until: number;
  last: number;
}

export class GuessThrottle {
  private readonly clients = new Map<string, Entry>();
  constructor(
    private readonly freeTries = 5,
    private readonly capacity = 10_000,
  ) {}

  get size(): number {
    return this.clients.size;
  }

  /** Seconds this client must still wait before another try, or 0. */
  waitFor(key: string, now = Date.now()): number {
    const entry = this.clients.get(key);
    return entry && entry.until > now ? Math.ceil((entry.until - now) / 1000) : 0;
  }

  /** Wrong passcodes this client may still make before it has to wait (0 when none). */
  freeLeft(key: string): number {
    return Math.max(0, this.freeTries - (this.clients.get(key)?.failures ?? 0));
  }

  /** Records a wrong passcode; answers the seconds the client must now wait, or 0. */
  failed(key: string, now = Date.now()): number {
    const entry = this.clients.get(key) ?? { failures: 0, until: 0, last: now };
    entry.failures += 1;
    entry.last = now;
    const over = entry.failures - this.freeTries;
    if (over > 0) entry.until = now + Math.min(2 ** over * 1000, MAX_WAIT_MS);
    // Re-inserted, so the map's order is least recently failed first.
    this.clients.delete(key);
    this.clients.set(key, entry);
    if (this.clients.size > this.capacity) this.makeRoom(now);
    return this.waitFor(key, now);
  }

  succeeded(key: string) {
    this.clients.delete(key);
  }

  private makeRoom(now: number) {
    for (const [key, entry] of this.clients) {
      if (entry.until <= now && entry.last < now - IDLE_MS) this.clients.delete(key);
    }
    const target = Math.floor(this.capacity * 0.9);
    for (const key of this.clients.keys()) {
      if (this.clients.size <= target) break;
      this.clients.delete(key);
    }
  }
}
