#!/usr/bin/env bash
# Installs Debian's Chromium for the Playwright tests. Playwright cannot download its own
# browsers here (`npx playwright install` has no network to its CDN), so playwright.config.ts
# launches /usr/bin/chromium instead. Idempotent: does nothing when Chromium is already there.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ] && "$CHROMIUM" --version >/dev/null 2>&1; then
  echo "chromium already installed: $("$CHROMIUM" --version 2>/dev/null)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium

echo "installed: $("$CHROMIUM" --version 2>/dev/null)"
