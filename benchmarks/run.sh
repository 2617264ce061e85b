#!/usr/bin/env bash
# Runs every benchmark twice and regenerates benchmarks/README.md from the results:
#   benchmarks/run.sh [LABEL]
# Each pass writes benchmarks/results/LABEL/pass-N/:
#   lscpu.txt, uptime-before.txt and uptime-after.txt: the machine and its load;
#   peak.json: one core's peak FMA rate;
#   faults.jsonl and faults-loh.jsonl: what a fresh result costs, with the default GC and with
#     a 4 MiB LOH threshold;
#   coldstart.jsonl and coldstart-no-warm-up.jsonl: the first product in each of five fresh
#     processes, with and without the core's warm-up;
#   bdn/: BenchmarkDotNet's exports, and bdn-loh/: the allocating benchmarks again in a
#     process whose GC keeps arrays of up to 4 MiB in the small-object heap;
#   reference.json: numpy and PyTorch, from reference.py.
# LABEL defaults to the UTC time.
set -euo pipefail
cd "$(dirname "$0")/.."

label=${1:-$(date -u +%Y%m%dT%H%M%SZ)}
passes=${PASSES:-2}
results=benchmarks/results/$label

# Debian's numpy and torch link the system BLAS; libopenblas0-pthread makes that OpenBLAS.
missing=()
for package in python3-numpy python3-torch python3-threadpoolctl libopenblas0-pthread; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi

dotnet build -c Release benchmarks/InteractiveBackprop.Benchmarks
bench=benchmarks/InteractiveBackprop.Benchmarks/bin/Release/net10.0/InteractiveBackprop.Benchmarks.dll

for pass in $(seq 1 "$passes"); do
  out=$results/pass-$pass
  mkdir -p "$out"
  lscpu >"$out/lscpu.txt"
  uptime >"$out/uptime-before.txt"
  : >"$out/coldstart.jsonl"
  : >"$out/coldstart-no-warm-up.jsonl"
  for _ in 1 2 3 4 5; do
    dotnet "$bench" coldstart >>"$out/coldstart.jsonl"
    dotnet "$bench" coldstart --no-warm-up >>"$out/coldstart-no-warm-up.jsonl"
  done
  dotnet "$bench" peak >"$out/peak.json"
  dotnet "$bench" faults >"$out/faults.jsonl"
  DOTNET_GCLOHThreshold=0x400000 dotnet "$bench" faults >"$out/faults-loh.jsonl"
  dotnet "$bench" --filter '*' --artifacts "$out/bdn" --join
  DOTNET_GCLOHThreshold=0x400000 dotnet "$bench" --artifacts "$out/bdn-loh" --join --filter \
    'InteractiveBackprop.Benchmarks.GemmBenchmarks.Core' \
    'InteractiveBackprop.Benchmarks.TrainingStepBenchmarks.Step'
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 benchmarks/reference.py \
    "$out/reference.json"
  uptime >"$out/uptime-after.txt"
done

/usr/bin/python3 benchmarks/make_readme.py "$results" >benchmarks/README.md
echo "Wrote benchmarks/README.md from $results"
