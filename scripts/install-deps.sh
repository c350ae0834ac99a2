#!/usr/bin/env bash
# Installs every Debian package Motiearchief needs to build, test and run,
# on a fresh Debian 12 machine. Safe to run again.
set -euo pipefail

packages=(
  # build (lld: links in half the time of GNU ld)
  build-essential cmake ninja-build pkg-config lld
  # PDF text (Poppler) and OCR (Tesseract 5 with Dutch)
  libpoppler-cpp-dev libpoppler-private-dev poppler-utils
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-nld
  # text, grammar, archive
  libicu-dev libre2-dev libsqlite3-dev sqlite3 nettle-dev libstemmer-dev
  # the PostgreSQL archive (--db postgresql://...) and its tests, which start their own server
  postgresql-15 libpq-dev
  # RUM: the index that gives search matches best first (migration 0011; optional on a server)
  postgresql-15-rum
  # search page (motiearchief serve) and its end-to-end test in headless Chromium
  libcpp-httplib-dev chromium chromium-driver
  # besluitenlijsten (CSV) for the verantwoording report
  libcsv-dev
  # command line, JSON, tests
  libcli11-dev nlohmann-json3-dev libfmt-dev libgtest-dev libgmock-dev
  # sample PDFs (samples/make_samples.py) and the benchmark
  python3 python3-reportlab fonts-dejavu-core bc
  # the hostile corpus (scripts/make_hostile_corpus.py encrypts with qpdf)
  qpdf
  # scanned samples (samples-scanned/make_scanned.py) and the OCR benchmark
  imagemagick img2pdf ocrmypdf python3-levenshtein time
  # quality tests (tests/quality): the export records against their JSON Schema
  python3-jsonschema
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root (missing: ${missing[*]})" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
