#!/usr/bin/env bash
# Installs what the tests need from Debian: Chromium (Playwright drives it; Playwright's own browser
# download cannot work offline), CJK fonts for readable screenshots (Noto CJK) and a TrueType CJK
# font for PDF reports (WenQuanYi Zen Hei; PDFBox embeds TrueType, not the CFF outlines of Noto CJK).
# Idempotent: does nothing when both are present.
set -euo pipefail
have_browser() { command -v chromium >/dev/null 2>&1 || [[ -n "${DAYI_CHROMIUM:-}" && -x "${DAYI_CHROMIUM}" ]]; }
have_pdf_font() { [[ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc || -n "${DAYI_PDF_FONT:-}" ]]; }
if have_browser && have_pdf_font; then
  exit 0
fi
if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian chromium, fonts-noto-cjk and fonts-wqy-zenhei for the tests …" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk fonts-wqy-zenhei >/dev/null
else
  have_browser || echo "WARNING: chromium is not installed and cannot be installed here (needs root and apt-get);" \
    "the browser tests will fail. Install Chromium or set DAYI_CHROMIUM to its binary." >&2
  have_pdf_font || echo "WARNING: no CJK TrueType font for PDF reports (apt-get install fonts-wqy-zenhei, or set" \
    "DAYI_PDF_FONT to a .ttf/.ttc); the PDF export tests will fail." >&2
fi
