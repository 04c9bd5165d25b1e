import { describe, expect, it } from "vitest";
import { type GuessFigures, GuessReport } from "./guess-report";

describe("wrong passcodes are logged in aggregate", () => {
  it("10,000 guesses from 10,000 clients are one line, with how many were compared", () => {
    const lines: [string, GuessFigures][] = [];
    const report = new GuessReport((message, figures) => lines.push([message, figures]));
    for (let i = 0; i < 100; i += 1) report.noteCompared(`client-${i}`, false);
    for (let i = 100; i < 10_000; i += 1) report.noteRefused(`client-${i}`);
    report.noteCompared("owner", true);
    expect(lines).toHaveLength(0);
    report.flush();
    expect(lines).toHaveLength(1);
    const [message, figures] = lines[0]!;
    expect(figures).toMatchObject({ compared: 101, wrong: 100, refused: 9_900, clients: 10_000 });
    expect(message).toMatch(/^100 wrong passcodes from 10000\+? clients in the last \d+ s; 9900 more tries/);
    report.flush();
    expect(lines).toHaveLength(1);
  });
});
