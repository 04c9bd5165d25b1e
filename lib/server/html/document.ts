import "server-only";
import { PAGE_STYLE } from "./style";

/**
 * Script-free HTML pages the server answers itself (the share page, its turned-off page, the share
 * target's refusals): one document shape, one style sheet mirroring the design tokens, the brand bar.
 */

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

/** The brand mark (public/icon.svg), inline so a page with `default-src 'none'` still shows it. */
const MARK =
  '<svg aria-hidden="true" viewBox="0 0 512 512" width="24" height="24"><defs><linearGradient id="m" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#8b6cf8"/><stop offset="1" stop-color="#5a2fd6"/></linearGradient></defs><rect width="512" height="512" rx="112" fill="url(#m)"/><circle cx="256" cy="256" r="150" fill="none" stroke="#fff" stroke-opacity=".32" stroke-width="28"/><path d="M256 106a150 150 0 0 1 0 300" fill="none" stroke="#fff" stroke-width="28" stroke-linecap="round"/><path d="M222 190v132a8 8 0 0 0 12 7l106-66a8 8 0 0 0 0-14l-106-66a8 8 0 0 0-12 7z" fill="#fff"/></svg>';

/** The bar every such page starts with: the studio's name, linking home. */
export function brandBar(homeLabel: string): string {
  return `<header class="bar"><a class="brand" href="/" aria-label="${escapeHtml(homeLabel)}">${MARK}<span>Luma Studio</span></a></header>`;
}

export function htmlDocument(lang: string, title: string, head: string, body: string): string {
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><meta name="color-scheme" content="light dark"><title>${escapeHtml(title)}</title><link rel="icon" href="/favicon.ico" sizes="any">${head}<style>${PAGE_STYLE}</style></head><body>${body}</body></html>`;
}

/** A centred notice: an icon, a heading, a sentence and at most one way on. */
export function noticeBody(options: {
  homeLabel: string;
  icon: string;
  heading: string;
  body: string;
  action?: { href: string; label: string };
}): string {
  const action = options.action
    ? `<a class="button primary" href="${escapeHtml(options.action.href)}">${escapeHtml(options.action.label)}</a>`
    : "";
  return `${brandBar(options.homeLabel)}<main class="notice"><div class="notice-icon" aria-hidden="true">${options.icon}</div><h1>${escapeHtml(options.heading)}</h1><p>${escapeHtml(options.body)}</p>${action}</main>`;
}
