#!/usr/bin/env bash
# Installs what the browser tests need: Debian's Chromium (Playwright drives it; Playwright's own
# browser download cannot work offline) and CJK fonts for readable screenshots. Idempotent.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [[ -n "${DAYI_CHROMIUM:-}" && -x "${DAYI_CHROMIUM}" ]]; then
  exit 0
fi
if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian chromium and fonts-noto-cjk for the browser tests …" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
else
  echo "WARNING: chromium is not installed and cannot be installed here (needs root and apt-get);" >&2
  echo "         the browser tests will fail. Install Chromium or set DAYI_CHROMIUM to its binary." >&2
fi
