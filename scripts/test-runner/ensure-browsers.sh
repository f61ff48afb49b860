#!/usr/bin/env bash
# Makes sure the Debian browsers the tests drive are installed. Installs only what is missing, with
# apt-get when we are root; otherwise says exactly what to install. Never downloads a browser build.
#
#   bash scripts/test-runner/ensure-browsers.sh                      # all: chromium firefox-esr webkit2gtk-driver xvfb
#   bash scripts/test-runner/ensure-browsers.sh chromium firefox-esr # only these
#
# WebKit is WebKitGTK's MiniBrowser (package libwebkit2gtk-4.1-0, a dependency of webkit2gtk-driver)
# driven by WebKitWebDriver under Xvfb; xvfb-run needs xauth, which xvfb only recommends.
set -euo pipefail

want=("$@")
[ ${#want[@]} -gt 0 ] || want=(chromium firefox-esr webkit2gtk-driver xvfb)

minibrowser_present() {
  compgen -G '/usr/lib/*/webkit2gtk-4.1/MiniBrowser' >/dev/null
}

missing=()
for pkg in "${want[@]}"; do
  case "$pkg" in
    chromium) [ -x /usr/bin/chromium ] || missing+=(chromium) ;;
    firefox-esr) [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr) ;;
    webkit2gtk-driver)
      { command -v WebKitWebDriver >/dev/null 2>&1 && minibrowser_present; } || missing+=(webkit2gtk-driver) ;;
    xvfb)
      command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb)
      command -v xauth >/dev/null 2>&1 || missing+=(xauth) ;;
    *) echo "ensure-browsers: unknown package $pkg (known: chromium firefox-esr webkit2gtk-driver xvfb)" >&2; exit 2 ;;
  esac
done

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # The fonts the visual baselines were drawn with (system-ui and sans-serif resolve to DejaVu Sans here).
  apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core fonts-liberation >/dev/null
else
  echo "The tests need these Debian packages: ${missing[*]}" >&2
  echo "Install them with:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
