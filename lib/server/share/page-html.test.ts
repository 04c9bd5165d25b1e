import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translate";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { formatDuration, renderShareNotFound, renderSharePage, type SharePageView } from "./page-html";

const t = translatorFor("en", en);
const zhT = translatorFor("zh-CN", zh);

const view: SharePageView = {
  locale: "en",
  pageUrl: "https://studio.example/s/TOKEN",
  videoUrl: "https://studio.example/api/media/share/TOKEN/video.mp4",
  posterUrl: "https://studio.example/api/media/share/TOKEN/poster.jpg",
  downloadUrl: "https://studio.example/api/media/share/TOKEN/video.mp4?download=1",
  prompt: 'A fox <script>alert("x")</script> & friends',
  durationSeconds: 5.04,
  width: 1280,
  height: 720,
  loop: false,
};

const metaContent = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(html)?.[1];

describe("share page HTML", () => {
  it("shows a shared image as a picture, script-free, with image tags and no video tags", () => {
    const picture = "https://studio.example/api/media/share/TOKEN/poster.jpg";
    const html = renderSharePage(
      { ...view, imageUrl: picture, durationSeconds: null, width: null, height: null, ratio: 9 / 16 },
      t,
    );
    expect(html).not.toMatch(/<script|<video|og:video/i);
    expect(html).toContain(`<img src="${picture}" alt="Image: A fox &lt;script&gt;`);
    expect(html).toContain("--ratio:0.5625");
    expect(metaContent(html, "og:type")).toBe("website");
    expect(metaContent(html, "og:image")).toBe(picture);
    expect(metaContent(html, "twitter:card")).toBe("summary_large_image");
  });

  it("has no script and escapes the prompt everywhere", () => {
    const html = renderSharePage(view, t);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("A fox &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; friends");
  });

  it("carries Open Graph and Twitter tags with the given absolute URLs", () => {
    const html = renderSharePage(view, t);
    expect(metaContent(html, "og:video")).toBe(view.videoUrl);
    expect(metaContent(html, "og:video:secure_url")).toBe(view.videoUrl);
    expect(metaContent(html, "og:video:type")).toBe("video/mp4");
    expect(metaContent(html, "og:video:width")).toBe("1280");
    expect(metaContent(html, "og:video:height")).toBe("720");
    expect(metaContent(html, "og:image")).toBe(view.posterUrl);
    expect(metaContent(html, "twitter:card")).toBe("summary_large_image");
  });

  it("plays natively: controls, playsinline, poster, an mp4 source, a download link", () => {
    const html = renderSharePage(view, t);
    expect(html).toMatch(/<video controls playsinline preload="metadata" poster="[^"]+poster\.jpg"/);
    expect(html).toContain(`<source src="${view.videoUrl}" type="video/mp4">`);
    expect(html).toMatch(
      /<a class="button download" href="[^"]+\?download=1" download><svg[\s\S]*?<\/svg>Download<\/a>/,
    );
    expect(html).toContain('<time datetime="PT5S">5 s</time>');
  });

  it("leaves the prompt out entirely when the creator hid it, and still describes the clip", () => {
    const html = renderSharePage({ ...view, prompt: null }, t);
    expect(html).not.toContain("fox");
    expect(html).toContain('<h1 class="quiet">A video clip</h1>');
    expect(metaContent(html, "og:title")).toBe("A video clip");
    expect(metaContent(html, "og:description")).toBe("A 5-second 16:9 video made with Luma Studio.");
  });

  it("describes the clip with its prompt, length and shape, and frames it at its own aspect ratio", () => {
    const html = renderSharePage(view, t);
    expect(metaContent(html, "og:description")).toBe(
      "“A fox &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; friends” A 5-second 16:9 video made with Luma Studio.",
    );
    expect(html).toContain('style="--ratio:1.7778"');
    const tall = renderSharePage({ ...view, width: 720, height: 1280, durationSeconds: null }, t);
    expect(tall).toContain('style="--ratio:0.5625"');
    expect(metaContent(tall, "og:description")).toContain("A video made with Luma Studio.");
    expect(html).toMatch(/<a class="brand" href="\/" aria-label="Luma Studio, home">/);
  });

  it("formats durations", () => {
    expect(formatDuration(5.04)).toBe("5 s");
    expect(formatDuration(75)).toBe("1:15");
    expect(formatDuration(null)).toBeNull();
    expect(formatDuration(0)).toBeNull();
  });

  it("answers not-found pages that name no token", () => {
    expect(renderShareNotFound("en", t)).toBe(renderShareNotFound("en", t));
    expect(renderShareNotFound("en", t)).not.toMatch(/TOKEN|<script/);
  });

  it("speaks the visitor's language: html lang, labels and the not-found page", () => {
    const html = renderSharePage({ ...view, locale: "zh-CN", prompt: null }, zhT);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain(">下载</a>");
    expect(html).toContain("5 秒");
    expect(html).not.toMatch(/<script/i);
    expect(renderShareNotFound("zh-CN", zhT)).toContain("此链接已停用");
    expect(renderShareNotFound("en", t)).toContain("This link was turned off");
  });
});
