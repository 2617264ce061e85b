#!/usr/bin/env bash
# Executes every tutorial in notebooks/ headless through the pinned dotnet-interactive tool and
# writes the executed copies, with their outputs, to artifacts/executed (or the folder given as
# the first argument). The sources are never modified.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-"$root/artifacts/executed"}
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
"$root/eng/pack.sh"
dotnet run --project "$root/src/InteractiveBackprop.Notebooks" -c Release -- \
  "$root/notebooks" --output "$out"
