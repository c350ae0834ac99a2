#!/usr/bin/env bash
# Makes the README's screenshots of the web site (docs/*.png): the samples
# and the dev set (../shared/corpus/dev/pdf, when present) in a scratch
# archive, `serve` on a free port, headless Chromium at 1280 pixels wide.
# Needs a build (scripts/build.sh) and chromium (scripts/install-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
db="$work/archive.db"
inputs=(samples)
[ -d ../shared/corpus/dev/pdf ] && inputs+=(../shared/corpus/dev/pdf)
build/motiearchief ingest --db "$db" "${inputs[@]}" >/dev/null 2>&1 || [ $? -eq 3 ]
build/motiearchief serve --db "$db" --port 0 >"$work/url" 2>/dev/null &
server=$!
for _ in $(seq 50); do [ -s "$work/url" ] && break; sleep 0.1; done
url=$(head -1 "$work/url")
shot() {  # FILE HEIGHT PATH
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,"$2" \
    --user-data-dir="$work/chromium" --screenshot="$1" "${url%/}$3" >/dev/null 2>&1
  echo "$1: ${url%/}$3"
}
shot docs/search.png 1250 "/?q=zorg"
id=$(curl -s "${url}api/search?q=%22bestaanszekerheid+voor+medewerkers%22&soort=motie" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["results"][0]["versies"][-1])')
# What became of it, as staff record it after the ALV.
build/motiearchief besluit --db "$db" "$id" aangenomen --voor 96.4 >/dev/null
build/motiearchief uitvoering --db "$db" "$id" "in uitvoering" --datum 2024-03-15 \
  --toelichting "Ingebracht bij de kabinetsformatie" >/dev/null
shot docs/document.png 1900 "/documents/$id?q=bestaanszekerheid"
