#!/usr/bin/env bash
# Sets up Jupyter to run the tutorials with the .NET kernel. binder/Dockerfile runs it in the
# image, and the Jupyter tests run it on a Debian host, so both get the same tool, kernelspec
# and package folder.
#
# Usage: eng/install-jupyter.sh [--apt] [--browser] [--no-pack]
#   --apt      Install Debian's Jupyter packages that are missing (needs root and apt-get).
#              Without it, the Jupyter already on the machine is used (the image's own).
#   --browser  With --apt, also install Debian's chromium for the browser tests.
#   --no-pack  Leave artifacts/packages as it is instead of packing the extension afresh.
#
# Environment: JUPYTER names the jupyter command (default: /usr/bin/jupyter when Debian's is
# installed, else the one on PATH); JUPYTER_DATA_DIR moves the kernelspecs, as in Jupyter.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

apt=false browser=false pack=true
for argument in "$@"; do
  case "$argument" in
    --apt) apt=true ;;
    --browser) browser=true ;;
    --no-pack) pack=false ;;
    *) echo "install-jupyter: unknown option '$argument'; see the usage at the top of $0" >&2
       exit 2 ;;
  esac
done

# Debian's Jupyter is the classic Notebook 6.4 with nbconvert 6.5 and nbclient; MathJax comes
# with it (libjs-mathjax), so the notebook page loads nothing from outside the machine.
debian_packages=(jupyter-notebook jupyter-nbconvert jupyter-nbformat jupyter-client python3-nbclient
  python3-ipykernel)
if $browser; then
  debian_packages+=(chromium fonts-liberation)
fi

if $apt; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get > /dev/null; then
    echo "install-jupyter: --apt needs root and apt-get; install ${debian_packages[*]} first" >&2
    exit 3
  fi
  missing=()
  for package in "${debian_packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2> /dev/null | grep -q 'install ok installed'; then
      missing+=("$package")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "install-jupyter: installing ${missing[*]}"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
fi

# pyenv's python3 and jupyter shadow Debian's on PATH, so Debian's are called by full path.
if [ -z "${JUPYTER:-}" ]; then
  if [ -x /usr/bin/jupyter ]; then
    JUPYTER=/usr/bin/jupyter
  else
    JUPYTER=$(command -v jupyter || true)
  fi
fi
if [ -z "$JUPYTER" ] || ! "$JUPYTER" --version > /dev/null 2>&1; then
  echo "install-jupyter: no working jupyter; rerun as root with --apt, or set JUPYTER" >&2
  exit 3
fi
python="$(dirname "$JUPYTER")/python3"
[ -x "$python" ] || python=python3

# The tool goes in a folder of its own at the version the repository's manifest pins, so the
# kernelspec can name it by full path: a local tool has no path a Jupyter server can run.
version=$("$python" -c 'import json, sys
print(json.load(open(sys.argv[1]))["tools"]["microsoft.dotnet-interactive"]["version"])' \
  "$root/.config/dotnet-tools.json")
tool_dir="$root/artifacts/jupyter/tool"
tool="$tool_dir/dotnet-interactive"
if ! [ -x "$tool" ] || ! "$tool" --version 2> /dev/null | grep -q "^$version"; then
  rm -rf "$tool_dir"
  dotnet tool install Microsoft.dotnet-interactive --version "$version" --tool-path "$tool_dir"
fi

# `jupyter install` writes kernelspecs that run `dotnet interactive` (a global tool) and serve
# HTTP on every interface. Rewrite them to run this tool, listen on loopback only, and keep
# the HTTP ports above 2049, a port Chromium refuses to connect to.
kernels="$("$JUPYTER" --data-dir)/kernels"
port_range=2050-3000
mkdir -p "$kernels"
"$tool" jupyter install --path "$kernels" --http-port-range "$port_range" > /dev/null
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
"$python" - "$kernels" "$tool" "$port_range" "$dotnet_root" << 'EOF'
import json, pathlib, sys
kernels, tool, port_range, dotnet_root = sys.argv[1:]
for spec in pathlib.Path(kernels).glob(".net-*/kernel.json"):
    kernel = json.loads(spec.read_text())
    language = kernel["argv"][kernel["argv"].index("--default-kernel") + 1]
    kernel["argv"] = [tool, "jupyter", "--default-kernel", language, "{connection_file}",
                      "--http-port-range", port_range, "--http-local-only"]
    kernel["env"] = {"DOTNET_ROOT": dotnet_root, "DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT": "1"}
    spec.write_text(json.dumps(kernel, indent=2) + "\n")
    print(f"install-jupyter: kernelspec {spec.parent.name} runs {tool}")
EOF

if $pack; then
  "$root/eng/pack.sh"
fi
