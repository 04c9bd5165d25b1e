import { describe, expect, it } from "vitest";
import { asciiSlug, attachmentDisposition, downloadName, shortId, unicodeSlug } from "./filename";

describe("download file names", () => {
  it("slugs a prompt into lower-case dashed words with a short id", () => {
    const name = downloadName("A red fox, in SNOW!", "t_abc");
    expect(name.ascii).toMatch(/^a-red-fox-in-snow-[0-9a-f]{6}\.mp4$/);
    expect(name.ascii.endsWith(`${shortId("t_abc")}.mp4`)).toBe(true);
  });

  it("folds accents for the ASCII name and keeps other scripts in the Unicode one", () => {
    expect(asciiSlug("Café crème brûlée")).toBe("cafe-creme-brulee");
    expect(unicodeSlug("红狐 in the snow")).toBe("红狐-in-the-snow");
    const name = downloadName("红狐在雪中", "t_1");
    expect(name.ascii).toMatch(/^luma-clip-[0-9a-f]{6}\.mp4$/);
    expect(name.unicode).toMatch(/^红狐在雪中-[0-9a-f]{6}\.mp4$/);
  });

  it("cuts long prompts at a word boundary", () => {
    const slug = asciiSlug(`${"panoramic ".repeat(20)}end`);
    expect(slug.length).toBeLessThanOrEqual(48);
    expect(slug).toMatch(/^panoramic(-panoramic)*$/);
  });

  it("uses a neutral name when the prompt is hidden", () => {
    expect(downloadName(null, "t_1").ascii).toMatch(/^luma-clip-[0-9a-f]{6}\.mp4$/);
  });

  it("short ids are stable per clip, differ between clips and do not reveal the id", () => {
    expect(shortId("t_same")).toBe(shortId("t_same"));
    expect(shortId("t_one")).not.toBe(shortId("t_two"));
    expect(shortId("t_abcdef")).not.toContain("abcdef");
  });

  it("builds an attachment disposition with an ASCII filename and an RFC 5987 filename*", () => {
    const header = attachmentDisposition(downloadName('Fox\'s "dream" 红狐 (1)', "t_1"));
    expect(header).toMatch(/^attachment; filename="fox-s-dream-1-[0-9a-f]{6}\.mp4"; filename\*=UTF-8''/);
    const encoded = header.split("filename*=UTF-8''")[1]!;
    expect(encoded).toMatch(/^[A-Za-z0-9%._~-]+$/);
    expect(decodeURIComponent(encoded)).toMatch(/^fox-s-dream-红狐-1-[0-9a-f]{6}\.mp4$/);
    expect(header.split('"')[1]).toMatch(/^[\x20-\x7e]+$/);
  });
});
