#!/usr/bin/env bash
# Renders the sample's HTML report (on the drifted variant, so failures show) and takes the screenshot shown
# in the README: docs/images/report.png. Needs Debian's chromium and Python's PIL (python3-pil) for cropping.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${TMPDIR:-/tmp}/modelgates-report"
rm -rf "$out" && mkdir -p "$out"
dotnet build src/Cli -c Release -v quiet -nologo >/dev/null
(cd samples/CreditRisk && SOURCE_DATE_EPOCH=1793534400 dotnet ../../src/Cli/bin/Release/net10.0/modelgates.dll check --config modelgates.drifted.json --report-dir "$out" >/dev/null) || true
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$out/profile" --window-size=1200,2400 \
  --screenshot="$out/full.png" "file://$out/report.html" 2>/dev/null
/usr/bin/python3 - "$out/full.png" docs/images/report.png <<'PY'
import sys
from PIL import Image
Image.open(sys.argv[1]).crop((0, 0, 1200, 2400)).save(sys.argv[2], optimize=True)
PY
echo "Wrote docs/images/report.png"
