#!/usr/bin/env bash
# The README's main job on the shipped credit sample: infer a contract, validate the sample against
# the reviewed contract (passes), then validate a corrupted copy (fails with one diagnostic per problem).
set -uo pipefail
cd "$(dirname "$0")/.."

mg() { dotnet run --project src/Cli -c Release --no-build --no-launch-profile -- "$@"; }

dotnet build src/Cli -c Release -v quiet -nologo >/dev/null || exit $?
out="${TMPDIR:-/tmp}/modelgates-quickstart"
mkdir -p "$out"

echo "== 1. Infer a contract from the shipped credit data"
mg infer samples/data/credit_data.csv -o "$out/credit.contract.json" || exit $?
echo
echo "== 2. Validate the shipped data against the reviewed contract (samples/contracts/credit.contract.json)"
mg validate samples/data/credit_data.csv --contract samples/contracts/credit.contract.json || exit $?
echo
echo "== 3. Validate a corrupted copy: every problem is one diagnostic with its row and the contract line"
mg validate samples/data/broken/credit_corrupted.csv --contract samples/contracts/credit.contract.json
code=$?
echo
echo "exit code $code (1 = a check failed, as expected for the corrupted copy)"
[ "$code" -eq 1 ]
