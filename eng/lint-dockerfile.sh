#!/usr/bin/env bash
# Lints binder/Dockerfile with npm's dockerfile-utils at the version eng/lint/package-lock.json
# pins (Docker does not run on the build machines, so the image is checked but not built).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
npm ci --prefix "$root/eng/lint" --no-audit --no-fund --loglevel=error
"$root/eng/lint/node_modules/.bin/dockerfile-utils" lint "$root/binder/Dockerfile"
echo "binder/Dockerfile: no lint problems"
