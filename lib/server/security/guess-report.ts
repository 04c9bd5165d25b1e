import "server-only";

/**
 * Wrong passcodes are logged in aggregate, one line per minute at most ("N wrong passcodes from M
 * clients in the last 60 s"), never one line per guess: a guessing run cannot flood the log. The line
 * also says how many passcodes were compared at all and how many tries were refused without comparing
 * (client waiting, or the studio-wide ceiling reached). A last line is written when the process exits.
 * Pure apart from the `write` it is given, so it is unit-tested directly.
 */

const CLIENT_CAP = 10_000;

export interface GuessFigures {
  compared: number;
  wrong: number;
  refused: number;
  clients: number;
  seconds: number;
}

export class GuessReport {
  private compared = 0;
  private wrong = 0;
  private refused = 0;
  private readonly clients = new Set<string>();
  private since = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly write: (message: string, figures: GuessFigures) => void,
    private readonly windowMs = 60_000,
  ) {}

  noteCompared(client: string, right: boolean) {
    this.start();
    this.compared += 1;
    if (!right) {
      this.wrong += 1;
      if (this.clients.size < CLIENT_CAP) this.clients.add(client);
    }
  }

  noteRefused(client: string) {
    this.start();
    this.refused += 1;
    if (this.clients.size < CLIENT_CAP) this.clients.add(client);
  }

  /** Writes the line for what was counted since the last one (nothing when only right passcodes came). */
  flush(now = Date.now()) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.wrong > 0 || this.refused > 0) {
      const figures: GuessFigures = {
        compared: this.compared,
        wrong: this.wrong,
        refused: this.refused,
        clients: this.clients.size,
        seconds: Math.max(1, Math.round((now - this.since) / 1000)),
      };
      const more = this.clients.size >= CLIENT_CAP ? "+" : "";
      this.write(
        `${figures.wrong} wrong passcodes from ${figures.clients}${more} clients in the last ${figures.seconds} s; ${figures.refused} more tries refused without comparing`,
        figures,
      );
    }
    this.compared = 0;
    this.wrong = 0;
    this.refused = 0;
    this.clients.clear();
  }

  private start() {
    if (this.timer) return;
    this.since = Date.now();
    this.timer = setTimeout(() => this.flush(), this.windowMs);
    this.timer.unref?.();
  }
}
