import "server-only";
import type { Translate } from "@/lib/i18n/translate";
import { shortPrompt } from "@/lib/shared/short-prompt";
import { brandBar, escapeHtml, htmlDocument, noticeBody } from "../html/document";
import { aspectName } from "./aspect";

/**
 * The public share page as plain HTML: no script at all, so it plays with JavaScript off and costs a
 * visitor no JavaScript; a native `<video controls>` at the clip's own aspect ratio and a download link
 * are all it needs.
 */

export interface SharePageView {
  /** The page's language (html lang) and its messages (namespaces Share and Shell). */
  locale: string;
  pageUrl: string;
  videoUrl: string;
  /** Set for a shared image (Photon): the page shows the picture instead of a player. */
  imageUrl?: string | null;
  posterUrl: string | null;
  downloadUrl: string;
  /** Null when the creator hid it. */
  prompt: string | null;
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
  /** The asked aspect ratio as a number, for an image whose size the upstream did not give. */
  ratio?: number | null;
  loop: boolean;
}

export function formatDuration(seconds: number | null, t?: Translate): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds <= 0) return null;
  const whole = Math.round(seconds);
  if (whole < 60) return t ? t("Time.seconds", { s: whole }) : `${whole} s`;
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

/** What an unfurled link says about the clip: its length and shape, and the prompt when shown. */
export function shareDescription(view: SharePageView, t: Translate): string {
  const seconds = view.durationSeconds && view.durationSeconds > 0 ? Math.round(view.durationSeconds) : null;
  const ratio = aspectName(view.width, view.height);
  const neutral =
    seconds && ratio ? t("Shell.share.describe", { seconds, ratio }) : t("Shell.share.describePlain");
  return view.prompt
    ? t("Shell.share.describePrompt", { prompt: shortPrompt(view.prompt, 160), about: neutral })
    : neutral;
}

function meta(
  attribute: "property" | "name",
  key: string,
  value: string | number | null | undefined,
): string {
  if (value === null || value === undefined || value === "") return "";
  return `<meta ${attribute}="${key}" content="${escapeHtml(String(value))}">`;
}

const DOWNLOAD_ICON =
  '<svg aria-hidden="true" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d="M8 2.5v8M4.5 7 8 10.5 11.5 7M3 13.5h10"/></svg>';

function head(view: SharePageView, title: string, description: string): string {
  if (view.imageUrl) return imageHead(view, view.imageUrl, title, description);
  const https = view.videoUrl.startsWith("https:");
  return [
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
}

/** A shared image unfurls as a picture: no video tags. */
function imageHead(view: SharePageView, imageUrl: string, title: string, description: string): string {
  return [
    `<link rel="canonical" href="${escapeHtml(view.pageUrl)}">`,
    meta("name", "description", description),
    meta("property", "og:type", "website"),
    meta("property", "og:site_name", "Luma Studio"),
    meta("property", "og:title", title),
    meta("property", "og:description", description),
    meta("property", "og:url", view.pageUrl),
    meta("property", "og:image", imageUrl),
    meta("property", "og:image:width", view.width),
    meta("property", "og:image:height", view.height),
    meta("name", "twitter:card", "summary_large_image"),
    meta("name", "twitter:title", title),
    meta("name", "twitter:description", description),
    meta("name", "twitter:image", imageUrl),
  ].join("");
}

export function renderSharePage(view: SharePageView, t: Translate): string {
  if (view.imageUrl) return renderImagePage(view, view.imageUrl, t);
  const title = view.prompt ? shortPrompt(view.prompt, 90) : t("Share.aClip");
  const description = shareDescription(view, t);
  const duration = formatDuration(view.durationSeconds, t);
  const ratio = view.width && view.height ? view.width / view.height : 16 / 9;
  const size = view.width && view.height ? ` width="${view.width}" height="${view.height}"` : "";
  const poster = view.posterUrl ? ` poster="${escapeHtml(view.posterUrl)}"` : "";
  const label = view.prompt ? t("Share.videoLabel", { prompt: shortPrompt(view.prompt) }) : t("Share.video");
  const details = [
    duration
      ? `<span><time datetime="PT${Math.round(view.durationSeconds ?? 0)}S">${duration}</time></span>`
      : null,
    aspectName(view.width, view.height) ? `<span>${aspectName(view.width, view.height)}</span>` : null,
    view.width && view.height ? `<span>${view.width}×${view.height}</span>` : null,
  ].filter(Boolean);
  const heading = view.prompt
    ? `<h1>${escapeHtml(view.prompt)}</h1>`
    : `<h1 class="quiet">${escapeHtml(t("Share.aClip"))}</h1>`;
  const video = `<video controls playsinline preload="metadata"${view.loop ? " loop" : ""}${poster}${size} aria-label="${escapeHtml(label)}"><source src="${escapeHtml(view.videoUrl)}" type="video/mp4"><p>${escapeHtml(t("Share.cannotPlay"))} <a href="${escapeHtml(view.downloadUrl)}">${escapeHtml(t("Share.downloadIt"))}</a></p></video>`;
  const info = `<div class="info"><div class="text">${heading}${details.length ? `<p class="meta">${details.join("")}</p>` : ""}</div><a class="button download" href="${escapeHtml(view.downloadUrl)}" download>${DOWNLOAD_ICON}${escapeHtml(t("Share.download"))}</a></div>`;
  const body = `${brandBar(t("Shell.share.home"))}<main><article class="clip" style="--ratio:${ratio.toFixed(4)}">${video}${info}</article></main>`;
  return htmlDocument(view.locale, title, head(view, title, description), body);
}

/** The same page for a shared image: the picture at its own shape, the prompt, and a download. */
function renderImagePage(view: SharePageView, imageUrl: string, t: Translate): string {
  const title = view.prompt ? shortPrompt(view.prompt, 90) : t("Share.anImage");
  const description = view.prompt
    ? t("Share.imageDescribePrompt", { prompt: shortPrompt(view.prompt, 160) })
    : t("Share.imageDescription");
  const ratio = view.width && view.height ? view.width / view.height : (view.ratio ?? 16 / 9);
  const size = view.width && view.height ? ` width="${view.width}" height="${view.height}"` : "";
  const label = view.prompt
    ? t("Share.imageLabel", { prompt: shortPrompt(view.prompt) })
    : t("Share.anImage");
  const heading = view.prompt
    ? `<h1>${escapeHtml(view.prompt)}</h1>`
    : `<h1 class="quiet">${escapeHtml(t("Share.anImage"))}</h1>`;
  const picture = `<img src="${escapeHtml(imageUrl)}" alt="${escapeHtml(label)}"${size}>`;
  const info = `<div class="info"><div class="text">${heading}</div><a class="button download" href="${escapeHtml(view.downloadUrl)}" download>${DOWNLOAD_ICON}${escapeHtml(t("Share.download"))}</a></div>`;
  const body = `${brandBar(t("Shell.share.home"))}<main><article class="clip" style="--ratio:${ratio.toFixed(4)}">${picture}${info}</article></main>`;
  return htmlDocument(view.locale, title, head(view, title, description), body);
}

const LINK_OFF_ICON =
  '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"><path d="M9.5 14.5 8 16a3.5 3.5 0 0 1-5-5l2.5-2.5M14.5 9.5 16 8a3.5 3.5 0 0 1 5 5l-2.5 2.5M3 3l18 18"/></svg>';

/**
 * The one answer for a token that does not open a clip: turned off, never issued and malformed alike,
 * so the page tells nobody which tokens once existed.
 */
export function renderShareNotFound(locale: string, t: Translate): string {
  return htmlDocument(
    locale,
    t("Shell.share.offTitle"),
    "",
    noticeBody({
      homeLabel: t("Shell.share.home"),
      icon: LINK_OFF_ICON,
      heading: t("Shell.share.offHeading"),
      body: t("Shell.share.offBody"),
    }),
  );
}
