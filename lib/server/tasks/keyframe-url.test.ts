import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../http/errors";
import { checkKeyframeUrl } from "./keyframe-url";

let server: Server;
let base = "";
const loopback = { allowAddress: (address: string) => address === "127.0.0.1" };

beforeAll(async () => {
  const png = await sharp({ create: { width: 1280, height: 720, channels: 3, background: "#2a6" } })
    .png()
    .toBuffer();
  server = createServer((req, res) => {
    if (req.url === "/frame.png") {
      res.writeHead(200, { "content-type": "image/png" });
      res.end(png);
    } else if (req.url === "/notes.png") {
      res.writeHead(200, { "content-type": "image/png" });
      res.end("not an image");
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const problemOf = async (promise: Promise<unknown>) => {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).extra.fields?.url;
};

describe("checkKeyframeUrl", () => {
  it("answers an image's size and a small preview of it", async () => {
    const answer = await checkKeyframeUrl(`${base}/frame.png`, loopback);
    expect(answer).toMatchObject({ url: `${base}/frame.png`, width: 1280, height: 720, type: "image/png" });
    expect(answer.preview).toMatch(/^data:image\/webp;base64,/);
    const preview = await sharp(Buffer.from(answer.preview.split(",")[1] ?? "", "base64")).metadata();
    expect(Math.max(preview.width ?? 0, preview.height ?? 0)).toBeLessThanOrEqual(256);
  });

  it("names the problem on the url field, as a submit would", async () => {
    expect(await problemOf(checkKeyframeUrl(`${base}/missing.png`, loopback))).toBe(
      "the image URL answered HTTP 404",
    );
    expect(await problemOf(checkKeyframeUrl(`${base}/notes.png`, loopback))).toBe(
      "the image URL is not a usable image (must be a PNG, JPEG or WebP image)",
    );
  });

  it("refuses a private or local address without the test's allowance", async () => {
    expect(await problemOf(checkKeyframeUrl(`${base}/frame.png`))).toBe(
      "the image URL points at a private or local address, which the studio does not fetch",
    );
  });
});
