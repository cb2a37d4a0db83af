#!/usr/bin/env bash
# Publishes `leopard` as one self-contained linux-x64 executable (no .NET install needed on the target; FFTW is still
# loaded from the system when present, else the managed FFT is used), then smoke-tests it and prints its size and
# start-up time.
#
#   scripts/publish-single-file.sh [OUTPUT_DIR]      (default: artifacts/single-file)
#
# Trimmed (the build fails on any trim warning, since warnings are errors) and ReadyToRun-compiled: trimming drops
# the framework's precompiled code, ReadyToRun puts it back, which keeps start-up as fast as the framework-dependent
# tool (about 0.2 s for `leopard --version`) at a third of the untrimmed size.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-artifacts/single-file}"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet publish src/LeopardEm.Cli -c Release -r linux-x64 --self-contained true \
  -p:PublishSingleFile=true -p:PublishTrimmed=true -p:PublishReadyToRun=true \
  -p:DebugType=none -p:GenerateDocumentationFile=false \
  -o "$staging"

mkdir -p "$out"
cp "$staging/leopard" "$out/leopard"
exe="$out/leopard"

"$exe" --version
"$exe" info >/dev/null

size_mb=$(du -m "$exe" | cut -f1)
# Median of 11 cold-process runs of `leopard --version`.
startup=$(for _ in $(seq 11); do
  start=$(date +%s%N); "$exe" --version >/dev/null; end=$(date +%s%N)
  echo $(((end - start) / 1000000))
done | sort -n | sed -n 6p)
echo "published $exe: ${size_mb} MB, start-up (leopard --version, median of 11) ${startup} ms"
