import createNextIntlPlugin from "next-intl/plugin";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Loaded by Node at run time rather than bundled: PGlite ships WebAssembly and data files next to its
  // code, and the ffmpeg packages resolve their binaries relative to themselves.
  // Build assets never pass through proxy.ts, which sets the other security headers.
  async headers() {
    return [
      { source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] },
    ];
  },
  serverExternalPackages: [
    "@electric-sql/pglite",
    "postgres",
    "@ffmpeg-installer/ffmpeg",
    "@ffprobe-installer/ffprobe",
  ],
};

// Precompiling the ICU messages at build time keeps the message parser out of the browser bundle,
// which the studio's 200 KB first-load budget has no room for.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

export default withNextIntl(nextConfig);
