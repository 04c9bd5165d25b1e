/**
 * How every test and benchmark starts Chromium here: Debian's build (or CHROMIUM_PATH), with the flags
 * that keep it from reaching for the network this machine does not have.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}
