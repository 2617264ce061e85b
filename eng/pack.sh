#!/usr/bin/env bash
# Packs the core and the extension into artifacts/packages, the local NuGet folder that each
# notebook's first cell names. Every pack gets a new prerelease version (0.1.0-dev.<UTC time>),
# so a NuGet cache can never serve a stale copy under the version a notebook loads; older
# packages are removed from the folder so that "*-*" in the notebook picks this one.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/artifacts/packages"
version="0.1.0-dev.$(date -u +%Y%m%d%H%M%S)"
mkdir -p "$out"
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
