#!/usr/bin/env bash
# Prints the path of a Chromium for the end-to-end tests, installing Debian's package when it can.
# Order: $CHROMIUM_PATH, /usr/bin/chromium, `apt-get install chromium` (as root), a Playwright browser
# already in its cache. Playwright's own download is never attempted: it cannot reach its CDN here.
set -euo pipefail

if [[ -n "${CHROMIUM_PATH:-}" ]]; then
  if [[ -x "$CHROMIUM_PATH" ]]; then echo "$CHROMIUM_PATH"; exit 0; fi
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file" >&2
  exit 1
fi

for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [[ -x "$candidate" ]]; then echo "$candidate"; exit 0; fi
done

if command -v apt-get >/dev/null 2>&1 && [[ "$(id -u)" == "0" ]]; then
  echo "Installing Debian's chromium for the end-to-end tests…" >&2
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq >&2 && apt-get install -y -qq chromium >&2 && [[ -x /usr/bin/chromium ]]; then
    echo /usr/bin/chromium
    exit 0
  fi
  echo "apt-get could not install chromium." >&2
fi

cached=$(ls -d "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium-*/chrome-linux*/chrome 2>/dev/null | tail -n 1 || true)
if [[ -n "$cached" && -x "$cached" ]]; then echo "$cached"; exit 0; fi

cat >&2 <<'MSG'
No Chromium found for the end-to-end tests. Do one of:
  - install your distribution's chromium package (Debian/Ubuntu: sudo apt-get install chromium), or
  - set CHROMIUM_PATH to a Chromium or Chrome executable, or
  - where the network allows it, run `npx playwright install chromium` once.
MSG
exit 1
