#!/usr/bin/env bash
# Installs the Debian packages the test suites need beyond npm, when missing.
# npm test asks for poppler-utils (pdftotext, pdftoppm), tesseract-ocr and tesseract-ocr-swe
# (OCR of scanned records), img2pdf (the tests' generated scans), chromium (the browser tests
# in tests/e2e) and redis-server (the BullMQ queue tests in tests/redis start their own Redis).
set -euo pipefail
needed=()
for pkg in "$@"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || needed+=("$pkg")
done
if [ ${#needed[@]} -gt 0 ]; then
  echo "ensure-test-deps: installing ${needed[*]} (apt-get)"
  if [ "$(id -u)" -ne 0 ]; then echo "ensure-test-deps: need root to install ${needed[*]}" >&2; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needed[@]}" >/dev/null
fi
