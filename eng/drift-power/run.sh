#!/usr/bin/env bash
# Regenerates eng/drift-power/power.md, the detection-power table of docs/drift.md (about 10 minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project eng/drift-power -- eng/drift-power/power.md
