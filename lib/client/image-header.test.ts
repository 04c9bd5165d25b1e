import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { imageDimensions, sniffImageType } from "./image-header";

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 90, g: 40, b: 200 } } });

describe("sniffImageType", () => {
  it("recognises PNG, JPEG and WebP by their first bytes, not their name", async () => {
    expect(sniffImageType(await solid(8, 8).png().toBuffer())).toBe("image/png");
    expect(sniffImageType(await solid(8, 8).jpeg().toBuffer())).toBe("image/jpeg");
    expect(sniffImageType(await solid(8, 8).webp().toBuffer())).toBe("image/webp");
    expect(sniffImageType(new TextEncoder().encode("just some notes, saved as notes.png"))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});

describe("imageDimensions", () => {
  it("reads the size of each format from its header", async () => {
    expect(imageDimensions(await solid(640, 360).png().toBuffer(), "image/png")).toEqual({
      width: 640,
      height: 360,
    });
    expect(imageDimensions(await solid(333, 777).webp({ lossless: true }).toBuffer(), "image/webp")).toEqual({
      width: 333,
      height: 777,
    });
    expect(imageDimensions(await solid(1000, 10).webp({ quality: 50 }).toBuffer(), "image/webp")).toEqual({
      width: 1000,
      height: 10,
    });
    const withAlpha = await sharp({
      create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } },
    })
      .webp()
      .toBuffer();
    expect(imageDimensions(withAlpha, "image/webp")).toEqual({ width: 300, height: 200 });
  });

  it("finds a JPEG's size behind EXIF and progressive encoding", async () => {
    const jpeg = await solid(1234, 567)
      .withExif({ IFD0: { Make: "Phone", Model: "Camera", ImageDescription: "x".repeat(4000) } })
      .jpeg({ progressive: true })
      .toBuffer();
    expect(imageDimensions(jpeg, "image/jpeg")).toEqual({ width: 1234, height: 567 });
  });

  it("reads huge dimensions from the header alone", () => {
    // Signature, then the IHDR chunk: length 13, "IHDR", width, height (big-endian).
    const header = new Uint8Array(24);
    header.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(header.buffer).setUint32(16, 20_000);
    new DataView(header.buffer).setUint32(20, 20_000);
    expect(sniffImageType(header)).toBe("image/png");
    expect(imageDimensions(header, "image/png")).toEqual({ width: 20_000, height: 20_000 });
  });

  it("answers null for a truncated JPEG", () => {
    expect(imageDimensions(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00]), "image/jpeg")).toBeNull();
  });
});
