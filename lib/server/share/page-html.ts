import type { Translate } from "@/lib/i18n/translate";
import { shortPrompt } from "@/lib/shared/short-prompt";

/**
 * The public share page as plain HTML: no script at all, so it plays with JavaScript off and costs a
 * visitor no JavaScript; a native `<video controls>` and a download link are all it needs.
 */

export interface SharePageView {
  /** The page's language (html lang) and its messages (namespace Share). */
  locale: string;
  pageUrl: string;
  videoUrl: string;
  posterUrl: string | null;
  downloadUrl: string;
  /** Null when the creator hid it. */
  prompt: string | null;
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
  loop: boolean;
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#18181b;--muted:#52525b;--line:#e4e4e7;--accent:#6a3ff0;--accent-fg:#fff}
@media (prefers-color-scheme:dark){:root{--bg:#0b0b10;--fg:#f4f4f5;--muted:#a1a1aa;--line:#27272a;--accent:#9b8afb;--accent-fg:#0b0b10}}
*{box-sizing:border-box}
body{margin:0;min-height:100dvh;background:var(--bg);color:var(--fg);font:16px/1.5 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans SC",sans-serif}
main{max-width:60rem;margin:0 auto;padding:1rem}
video{display:block;width:100%;height:auto;max-height:80dvh;background:#000;border-radius:.75rem}
.info{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.75rem 1rem;margin-top:1rem}
h1{margin:0;font-size:1.125rem;font-weight:600;overflow-wrap:anywhere;flex:1 1 20rem}
.meta{margin:0;color:var(--muted);font-size:.875rem}
.download{display:inline-block;padding:.5rem 1rem;border-radius:.5rem;background:var(--accent);color:var(--accent-fg);font-weight:600;text-decoration:none}
.download:focus-visible{outline:2px solid var(--fg);outline-offset:2px}
`;

export function formatDuration(seconds: number | null, t?: Translate): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds <= 0) return null;
  const whole = Math.round(seconds);
  if (whole < 60) return t ? t("Time.seconds", { s: whole }) : `${whole} s`;
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

function meta(
  attribute: "property" | "name",
  key: string,
  value: string | number | null | undefined,
): string {
  if (value === null || value === undefined || value === "") return "";
  return `<meta ${attribute}="${key}" content="${escapeHtml(String(value))}">`;
}

function document(lang: string, title: string, head: string, body: string): string {
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>${head}<style>${STYLE}</style></head><body>${body}</body></html>`;
}

export function renderSharePage(view: SharePageView, t: Translate): string {
  const title = view.prompt ? view.prompt.slice(0, 90) : t("Share.aClip");
  const description = view.prompt ? view.prompt.slice(0, 200) : t("Share.description");
  const duration = formatDuration(view.durationSeconds, t);
  const https = view.videoUrl.startsWith("https:");
  const head = [
    `<link rel="canonical" href="${escapeHtml(view.pageUrl)}">`,
    meta("name", "description", description),
    meta("property", "og:type", "video.other"),
    meta("property", "og:site_name", "Luma Studio"),
    meta("property", "og:title", title),
    meta("property", "og:description", description),
    meta("property", "og:url", view.pageUrl),
    meta("property", "og:image", view.posterUrl),
    meta("property", "og:image:width", view.posterUrl ? view.width : null),
    meta("property", "og:image:height", view.posterUrl ? view.height : null),
    meta("property", "og:video", view.videoUrl),
    meta("property", "og:video:url", view.videoUrl),
    meta("property", "og:video:secure_url", https ? view.videoUrl : null),
    meta("property", "og:video:type", "video/mp4"),
    meta("property", "og:video:width", view.width),
    meta("property", "og:video:height", view.height),
    meta("property", "video:duration", view.durationSeconds ? Math.round(view.durationSeconds) : null),
    meta("name", "twitter:card", view.posterUrl ? "summary_large_image" : "summary"),
    meta("name", "twitter:title", title),
    meta("name", "twitter:description", description),
    meta("name", "twitter:image", view.posterUrl),
  ].join("");
  const size = view.width && view.height ? ` width="${view.width}" height="${view.height}"` : "";
  const poster = view.posterUrl ? ` poster="${escapeHtml(view.posterUrl)}"` : "";
  const label = view.prompt ? t("Share.videoLabel", { prompt: shortPrompt(view.prompt) }) : t("Share.video");
  const details = [
    duration ? `<time datetime="PT${Math.round(view.durationSeconds ?? 0)}S">${duration}</time>` : null,
    view.width && view.height ? `${view.width}×${view.height}` : null,
  ].filter(Boolean);
  const body = `<main><video controls playsinline preload="metadata"${view.loop ? " loop" : ""}${poster}${size} aria-label="${escapeHtml(label)}"><source src="${escapeHtml(view.videoUrl)}" type="video/mp4"><p>${escapeHtml(t("Share.cannotPlay"))} <a href="${escapeHtml(view.downloadUrl)}">${escapeHtml(t("Share.downloadIt"))}</a></p></video><div class="info">${view.prompt ? `<h1>${escapeHtml(view.prompt)}</h1>` : ""}${details.length ? `<p class="meta">${details.join(" · ")}</p>` : ""}<a class="download" href="${escapeHtml(view.downloadUrl)}" download>${escapeHtml(t("Share.download"))}</a></div></main>`;
  return document(view.locale, title, head, body);
}

/** The one answer for a token that does not open a clip: unknown, malformed and revoked alike. */
export function renderShareNotFound(locale: string, t: Translate): string {
  return document(
    locale,
    t("Share.notFoundTitle"),
    "",
    `<main><h1>${escapeHtml(t("Share.notFoundHeading"))}</h1><p class="meta">${escapeHtml(t("Share.notFoundBody"))}</p></main>`,
  );
}
