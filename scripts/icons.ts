/**
 * Draws the studio's icons from public/icon.svg (the brand mark, drawn by hand) with sharp:
 * `npx tsx scripts/icons.ts` after changing the mark. The PNGs and favicon.ico it writes are committed,
 * so a fresh checkout serves them without running this.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

const PUBLIC = path.resolve("public");

/** Full-bleed (no rounded corners): masks (Android) and iOS cut their own shape out of it. */
function fullBleed(svg: string): string {
  return svg.replace(/<rect width="512" height="512" rx="\d+"/, '<rect width="512" height="512"');
}

async function png(svg: string, size: number): Promise<Buffer> {
  return sharp(Buffer.from(svg), { density: Math.ceil((72 * size) / 512) * 2 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** An .ico holding PNG images (every browser since IE 11 reads PNG entries). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

async function main() {
  const svg = await readFile(path.join(PUBLIC, "icon.svg"), "utf8");
  const square = fullBleed(svg);
  const outputs: [string, Promise<Buffer>][] = [
    ["icons/icon-192.png", png(svg, 192)],
    ["icons/icon-512.png", png(svg, 512)],
    ["icons/maskable-512.png", png(square, 512)],
    ["apple-touch-icon.png", png(square, 180)],
  ];
  for (const [name, data] of outputs) await writeFile(path.join(PUBLIC, name), await data);
  const small = await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await png(svg, size) })));
  await writeFile(path.join(PUBLIC, "favicon.ico"), ico(small));
  console.log(`icons written to ${PUBLIC}`);
}

await main();
