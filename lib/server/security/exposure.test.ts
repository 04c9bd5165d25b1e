import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";

vi.mock("./session", () => ({ passcodeRequired: () => false }));
const { bindAddress, openStudioExposed } = await import("./exposure");

/** The studio script's start command, as npm would run it with HOST set or not. */
function studioArgv(host?: string): string[] {
  const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;
  const command = scripts["studio:start"]!.replace(
    /"\$\{HOST:-([^}]+)\}"/,
    (_, fallback) => host ?? fallback,
  );
  return ["node", "next", ...command.split(" ").slice(1)];
}

describe("the open-studio warning follows where npm run studio listens", () => {
  it("npm run studio builds, then runs studio:start", () => {
    const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;
    expect(scripts.studio).toBe("next build && npm run studio:start");
  });

  it("listens on 127.0.0.1 without HOST, and then an open studio is not exposed on loopback", () => {
    expect(bindAddress(studioArgv())).toBe("127.0.0.1");
    expect(openStudioExposed("127.0.0.1:3000", studioArgv())).toBe(false);
    expect(openStudioExposed("localhost:3000", studioArgv())).toBe(false);
  });

  it("HOST=0.0.0.0 (or a LAN address) exposes it, and says so", () => {
    expect(bindAddress(studioArgv("0.0.0.0"))).toBe("0.0.0.0");
    expect(openStudioExposed("127.0.0.1:3000", studioArgv("0.0.0.0"))).toBe(true);
    expect(openStudioExposed("127.0.0.1:3000", studioArgv("192.168.1.20"))).toBe(true);
  });

  it("a visit through a non-loopback name counts even on loopback (a reverse proxy in front)", () => {
    expect(openStudioExposed("studio.example.com", studioArgv())).toBe(true);
  });
});
