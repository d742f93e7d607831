#!/usr/bin/env bash
# Installs the browsers the tests drive, from Debian's packages: Playwright and puppeteer cannot
# download their own here (no network to their CDNs).
#
#   chromium           /usr/bin/chromium: Playwright (e2e) and playwright-core (packages/browser)
#   firefox-esr        /usr/bin/firefox-esr: puppeteer-core over WebDriver BiDi
#   webkit2gtk-driver  /usr/bin/WebKitWebDriver + libwebkit2gtk-4.1's MiniBrowser: selenium-webdriver
#   xvfb, xauth        xvfb-run: MiniBrowser has no headless mode
#
# The first step of `pnpm test`. Idempotent: does nothing when all are there; otherwise runs
# apt-get (as root, or through sudo).
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 && chromium --version >/dev/null 2>&1 || missing+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
command -v WebKitWebDriver >/dev/null 2>&1 || missing+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb)
command -v xauth >/dev/null 2>&1 || missing+=(xauth)

if [ ${#missing[@]} -eq 0 ]; then
  echo "browsers installed: $(chromium --version 2>/dev/null), $(firefox-esr --version 2>/dev/null), WebKitGTK $(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

echo "installing from Debian: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Another apt-get may hold the lock for a while (a shared machine): wait for it.
$SUDO apt-get -o DPkg::Lock::Timeout=300 update -q
$SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends "${missing[@]}"
