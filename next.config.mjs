import { PHASE_PRODUCTION_SERVER } from "next/constants.js";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // proxy.ts redirects `/path/` to `/path` itself, with the security headers Next's redirect lacks.
  skipTrailingSlashRedirect: true,
  // proxy.ts sets the security headers per path (a CSP nonce per page, the share page's framing). These
  // are the same headers for answers the proxy never shapes: build assets, the trailing-slash 308 and
  // other framework answers. For a path the proxy answers too, its value wins. The share page's framing
  // is left to the proxy (SHARE_EMBED), so /s/ gets no X-Frame-Options here.
  async headers() {
    const everywhere = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "same-origin" },
      { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
    ];
    return [
      { source: "/:path(.*)", headers: everywhere },
      {
        source: "/:path((?!s/).*)",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      { source: "/s/:path(.*)", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'" }] },
    ];
  },
  experimental: {
    // The proxy buffers request bodies up to this and cuts the rest; it must stay above the largest body
    // limit (lib/server/http/body.ts PROXY_BODY_BYTES, the 20 MB upload plus framing), so that a cut
    // body still arrives over its limit and is refused with 413 instead of accepted short.
    proxyClientMaxBodySize: 21 * 1024 * 1024,
  },
  // Loaded by Node at run time rather than bundled: PGlite ships WebAssembly and data files next to its
  // code, and the ffmpeg packages resolve their binaries relative to themselves.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "postgres",
    "@ffmpeg-installer/ffmpeg",
    "@ffprobe-installer/ffprobe",
  ],
};

// Precompiling the ICU messages at build time keeps the message parser out of the browser bundle,
// which the studio's 200 KB first-load budget has no room for. The plugin only shapes the build (bundler
// aliases and loaders); `next start` skips it, since loading it starts @swc/core and @parcel/watcher
// (~20 MB resident) in the server for nothing.
export default async function config(phase) {
  if (phase === PHASE_PRODUCTION_SERVER) return nextConfig;
  const { default: createNextIntlPlugin } = await import("next-intl/plugin");
  const withNextIntl = createNextIntlPlugin({
    requestConfig: "./lib/i18n/request.ts",
    experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
  });
  return withNextIntl(nextConfig);
}
