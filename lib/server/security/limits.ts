/**
 * In-memory limits, per client and per instance. Pure (no server-only) so they are unit-tested directly.
 * Each instance counts on its own: behind a load balancer the effective limit is N × the setting.
 */

/** A sliding window: at most `max` events per `windowMs` for each key. */
export class WindowLimiter {
  private readonly events = new Map<string, number[]>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Records the event and answers 0, or answers the seconds to wait and records nothing. */
  take(key: string, now = Date.now()): number {
    const recent = (this.events.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.max) {
      this.events.set(key, recent);
      return Math.max(1, Math.ceil(((recent[0] ?? now) + this.windowMs - now) / 1000));
    }
    recent.push(now);
    this.events.set(key, recent);
    if (this.events.size > 10_000) this.prune(now);
    return 0;
  }

  private prune(now: number) {
    for (const [key, times] of this.events) {
      if (times.every((at) => at <= now - this.windowMs)) this.events.delete(key);
    }
  }
}

/**
 * Wrong passcodes: a few free tries, then each further failure doubles the wait (2 s, 4 s, … up to
 * 15 min) for that client. A success clears the client. An instance-wide ceiling also applies, because
 * a client can pick its own X-Forwarded-For when no proxy sets it.
 */
export class GuessThrottle {
  private readonly clients = new Map<string, { failures: number; until: number }>();
  private readonly global: WindowLimiter;
  constructor(
    private readonly freeTries = 5,
    globalPerTenMinutes = 100,
  ) {
    this.global = new WindowLimiter(globalPerTenMinutes, 10 * 60_000);
  }

  /** Seconds this client must still wait before another try, or 0. */
  waitFor(key: string, now = Date.now()): number {
    const entry = this.clients.get(key);
    return entry && entry.until > now ? Math.ceil((entry.until - now) / 1000) : 0;
  }

  failed(key: string, now = Date.now()): number {
    const entry = this.clients.get(key) ?? { failures: 0, until: 0 };
    entry.failures += 1;
    const over = entry.failures - this.freeTries;
    if (over > 0) entry.until = now + Math.min(2 ** over * 1000, 15 * 60_000);
    this.clients.set(key, entry);
    const globalWait = this.global.take("all", now);
    if (globalWait > 0) entry.until = Math.max(entry.until, now + globalWait * 1000);
    return this.waitFor(key, now);
  }

  succeeded(key: string) {
    this.clients.delete(key);
  }
}

/**
 * Who is asking, for limits: the last X-Forwarded-For entry (what the nearest proxy, or Next itself,
 * recorded as the peer), else one shared bucket.
 */
export function clientKey(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip") || "unknown";
}
