#!/usr/bin/env bash
# Builds the modelgates CLI the way a benchmark runs it and prints the path of its modelgates.dll.
#
#   MODELGATES_BUILD=tool (default): what `dotnet tool install` puts on this machine: the tool package for
#       this platform is a framework-dependent publish for its runtime identifier with ReadyToRun code
#       (src/Cli/ModelGates.Cli.csproj, the packing properties), so that is what is built here.
#   MODELGATES_BUILD=jit: the plain `dotnet build` output that `dotnet run --project src/Cli` runs (IL only,
#       every method compiled at run time).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
case "${MODELGATES_BUILD:-tool}" in
  tool)
    RID=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
    OUT="$ROOT/eng/bench/out/cli-$RID"
    dotnet publish "$ROOT/src/Cli" -c Release -r "$RID" --self-contained false -p:PublishReadyToRun=true -o "$OUT" -v quiet -nologo >/dev/null
    echo "$OUT/modelgates.dll" ;;
  jit)
    dotnet build "$ROOT/src/Cli" -c Release -v quiet -nologo >/dev/null
    echo "$ROOT/src/Cli/bin/Release/net10.0/modelgates.dll" ;;
  *) echo "MODELGATES_BUILD must be tool or jit" >&2; exit 2 ;;
esac
