import { describe, expect, it } from "vitest";
import { asHostName, hostAllowed, hostName } from "./hosts";

/** DNS rebinding: only the studio's own names are answered. */

const rules = (names: string[], any = false) => ({ names: new Set(names.map(asHostName)), any });
const studio = rules(["studio.example.com", "192.168.1.20", "::1"]);

describe("allowed hosts", () => {
  it.each([
    "localhost:3000",
    "LOCALHOST",
    "app.localhost:3000",
    "127.0.0.1:3000",
    "127.8.9.10",
    "[::1]:3000",
    "studio.example.com",
    "Studio.Example.com.:443",
    "192.168.1.20:3000",
  ])("answers %s", (host) => {
    expect(hostAllowed(host, studio)).toBe(true);
  });

  it.each([
    "evil.example",
    "evil.example:3000",
    "studio.example.com.evil.example",
    "localhost.evil.example",
    "127.0.0.1.nip.io",
    "evil.example@127.0.0.1",
    "127.0.0.1/evil",
    "",
    "[::2]",
    "10.0.0.1",
  ])("refuses %s", (host) => {
    expect(hostAllowed(host, studio)).toBe(false);
  });

  it("ALLOWED_HOSTS=* answers any name; a request without Host cannot be a rebinding", () => {
    expect(hostAllowed("evil.example", rules([], true))).toBe(true);
    expect(hostAllowed(null, rules([]))).toBe(true);
  });

  it("normalises names as the URL parser does", () => {
    expect(hostName("EXAMPLE.com:80")).toBe("example.com");
    expect(hostName("[0:0::1]:3000")).toBe("[::1]");
    expect(asHostName("::1")).toBe("[::1]");
    expect(asHostName("fe80::1%eth0")).toBe("[fe80::1]");
  });
});
