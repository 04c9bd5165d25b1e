import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "./env";
import { browserUrl } from "./simulator-link";

const saved = { ...process.env };

describe("browserUrl", () => {
  afterEach(() => {
    process.env = { ...saved };
    resetEnvForTests();
  });

  it("makes the simulator's loopback links relative to the studio", () => {
    process.env = { ...saved, LUMA_PROVIDER: "simulator", PORT: "3000" };
    resetEnvForTests();
    for (const host of ["localhost", "127.0.0.1", "[::1]"]) {
      expect(browserUrl(`http://${host}:3000/api/simulator/media/a/video.mp4?sig=1`)).toBe(
        "/api/simulator/media/a/video.mp4?sig=1",
      );
    }
  });

  it("leaves other links alone", () => {
    process.env = { ...saved, LUMA_PROVIDER: "simulator", PORT: "3000" };
    resetEnvForTests();
    expect(browserUrl("http://localhost:4000/api/simulator/media/a.mp4")).toBe(
      "http://localhost:4000/api/simulator/media/a.mp4",
    );
    expect(browserUrl("https://cdn.example.com/api/simulator/x.mp4")).toBe(
      "https://cdn.example.com/api/simulator/x.mp4",
    );
    expect(browserUrl("http://localhost:3000/api/media/x.mp4")).toBe("http://localhost:3000/api/media/x.mp4");
  });

  it("never rewrites a real provider's links", () => {
    process.env = {
      ...saved,
      LUMA_PROVIDER: "relay",
      LUMA_API_KEY: "k",
      LUMA_BASE_URL: "http://localhost:3000",
      PORT: "3000",
    };
    resetEnvForTests();
    expect(browserUrl("http://localhost:3000/api/simulator/media/a.mp4")).toBe(
      "http://localhost:3000/api/simulator/media/a.mp4",
    );
  });
});
