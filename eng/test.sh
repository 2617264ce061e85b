#!/usr/bin/env bash
# Runs every test: the core's unit tests, the extension's kernel-level tests, and the notebook
# tests that execute each tutorial through the real dotnet-interactive engine. Ends with one line
# "N passed, N failed, N skipped" summed over the test projects.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test "$root/InteractiveBackprop.sln" -c Release "$@" 2>&1 | tee "$log" || status=$?
# dotnet test prints one "Passed!  - Failed: F, Passed: P, Skipped: S, ..." line per project.
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i + 1)
         if ($i == "Passed:") p += $(i + 1)
         if ($i == "Skipped:") s += $(i + 1)
       }
       seen = 1
     }
     END { if (seen) printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
