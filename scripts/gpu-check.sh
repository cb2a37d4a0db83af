#!/usr/bin/env bash
# The CUDA backend's device checks, for a GPU machine without the .NET SDK (docs/gpu.md).
#
#   scripts/gpu-check.sh publish          build artifacts/gpu-check/gpu-check here: self-contained linux-x64, one
#                                         compressed file (~40 MB), no SDK or runtime needed where it runs
#   scripts/gpu-check.sh run [ARGS...]    run it (on the GPU machine): conformance of every kernel and of the
#                                         search and refine backends against the CPU code (and the search's MIP and
#                                         best index against itself across batch sizes and shards, bit for bit), then
#                                         throughput at 4096² with a 512³ template against the cuFFT floor measured in
#                                         the same process; results in $OUT (default artifacts/gpu-check-out)
#   scripts/gpu-check.sh [ARGS...]        publish if the SDK is here and the binary is missing or stale, then run
#
# ARGS go to the program (--device cpu, --tiny, --seconds S, --no-throughput, ...; gpu-check --help lists them).
# LEOPARD_GPU_CHECK_SIZE=tiny shrinks the throughput run (128², 32³, 2 s), e.g. to try the script here:
#   LEOPARD_GPU_CHECK_SIZE=tiny scripts/gpu-check.sh --device cpu
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
publish_dir="$root/artifacts/gpu-check"
binary="$publish_dir/gpu-check"

publish() {
    # Single-file analysis flags Assembly.Location in the FFT engines' informational Location; in a single file it is
    # empty, which is harmless. Not trimmed: ILGPU compiles kernels through reflection and is not trim-safe.
    dotnet publish "$root/bench/LeopardEm.GpuCheck" -c Release -r linux-x64 --self-contained \
        -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=true -p:EnableSingleFileAnalyzer=false \
        -p:DebugType=none -p:GenerateDocumentationFile=false -o "$publish_dir" >&2
    rm -f "$publish_dir"/*.pdb "$publish_dir"/*.xml
    echo "published $(du -h "$binary" | cut -f1) to $binary" >&2
}

# cuFFT: the system's, else the nvidia-cufft wheel's (PyTorch's CUDA wheels install it).
find_cufft() {
    if ldconfig -p 2>/dev/null | grep -q 'libcufft\.so\.1[12] '; then
        return
    fi
    local dir
    for dir in $(python3 - 2>/dev/null <<'PY'
import importlib.util
spec = importlib.util.find_spec("nvidia.cufft")
for location in (spec.submodule_search_locations or []) if spec else []:
    print(location + "/lib")
PY
    ) /usr/local/cuda/lib64 /usr/local/cuda/targets/x86_64-linux/lib; do
        if ls "$dir"/libcufft.so.1[12] >/dev/null 2>&1; then
            export LD_LIBRARY_PATH="$dir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
            echo "cuFFT from $dir" >&2
            return
        fi
    done
    echo "cuFFT not found on this machine; the CUDA checks will say so" >&2
}

# ILGPU opens the driver as libcuda.so; some installations only have libcuda.so.1 (the library also falls back to it).
find_driver() {
    if ! ldconfig -p 2>/dev/null | grep -q 'libcuda\.so '; then
        local soname
        soname="$(ldconfig -p 2>/dev/null | awk '/libcuda\.so\.1 / && /x86-64/ {print $NF; exit}')"
        if [ -n "$soname" ]; then
            mkdir -p /tmp/leopard-cuda && ln -sf "$soname" /tmp/leopard-cuda/libcuda.so
            export LD_LIBRARY_PATH="/tmp/leopard-cuda${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
        fi
    fi
}

run() {
    [ -x "$binary" ] || { echo "missing $binary: run '$0 publish' where the .NET SDK is" >&2; exit 2; }
    local out="${OUT:-$root/artifacts/gpu-check-out}"
    mkdir -p "$out"
    find_driver
    find_cufft
    { nvidia-smi --query-gpu=name,driver_version,memory.total,memory.used --format=csv 2>/dev/null || true; } | tee "$out/nvidia-smi.txt" >&2
    "$binary" --out "$out" "$@" 2>&1 | tee "$out/gpu-check.log"
}

stale() {
    [ ! -x "$binary" ] || [ -n "$(find "$root/src/LeopardEm" "$root/src/LeopardEm.Cuda" "$root/bench/LeopardEm.GpuCheck" \
        "$root/bench/LeopardEm.Bench" -name '*.cs' -newer "$binary" -print -quit)" ]
}

case "${1:-}" in
    publish) publish ;;
    run) shift; run "$@" ;;
    *)
        if command -v dotnet >/dev/null 2>&1 && stale; then
            publish
        fi
        run "$@"
        ;;
esac
