import type { MetadataRoute } from "next";

/**
 * The web app manifest (/manifest.webmanifest): the studio installs as an app, and on a phone its share
 * target takes a photo from the gallery straight into a start keyframe (app/share-target/route.ts).
 * Colours are the design tokens' canvas and accent (app/globals.css); the manifest has one language.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Luma Studio",
    short_name: "Luma Studio",
    description: "Make videos with Luma's Dream Machine models.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#0c0c0e",
    theme_color: "#6a3ff0",
    categories: ["photo", "productivity"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
    share_target: {
      action: "/share-target",
      method: "POST",
      enctype: "multipart/form-data",
      params: { files: [{ name: "image", accept: ["image/png", "image/jpeg", "image/webp"] }] },
    },
  };
}
