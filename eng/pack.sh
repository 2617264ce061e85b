#!/usr/bin/env bash
# Packs the core and the extension into artifacts/packages, the local NuGet folder that each
# notebook's first cell names. Every pack gets a new prerelease version (0.1.0-dev.<UTC time>),
# so a NuGet cache can never serve a stale copy under the version a notebook loads; older
# packages are removed from the folder so that "*-*" in the notebook picks this one.
# Usage: eng/pack.sh [FOLDER]   (default artifacts/packages; tests pack into a folder of their own)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-"$root/artifacts/packages"}
mkdir -p "$out" "$root/artifacts"
# Test projects pack in parallel; two builds of the same project at once would collide in obj/.
exec 9> "$root/artifacts/pack.lock"
flock 9
version="0.1.0-dev.$(date -u +%Y%m%d%H%M%S)"
# Two packs within one second would share a version; wait for the next second.
while compgen -G "$out/*.$version.nupkg" >/dev/null; do
  sleep 1
  version="0.1.0-dev.$(date -u +%Y%m%d%H%M%S)"
done
rm -f "$out"/InteractiveBackprop.*.nupkg
for project in InteractiveBackprop InteractiveBackprop.Interactive; do
  dotnet pack "$root/src/$project/$project.csproj" -c Release -p:Version="$version" \
    -o "$out" --nologo -v quiet
done
echo "packed $version into $out"
