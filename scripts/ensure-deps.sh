#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# ensure-deps.sh: install the Debian packages Outrider needs, only those
# missing. Safe to run repeatedly; does nothing when all are present.
# Usage: scripts/ensure-deps.sh [--bench] [extra-package ...]
#   --bench  also what only `make bench-sweep` needs: gnuplot-nox (the plot)
set -eu

BENCH_PKGS=""
if [ "${1:-}" = "--bench" ]; then
    BENCH_PKGS="gnuplot-nox"
    shift
fi

PKGS="verilator iverilog yosys nextpnr-ice40 fpga-icestorm \
gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf picolibc-riscv64-unknown-elf \
libcmocka-dev libelf-dev libmd-dev zlib1g-dev libsystemc-dev pkg-config make g++ python3 $BENCH_PKGS $*"

missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

echo "ensure-deps: installing:$missing" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "ensure-deps: need root (or sudo) to install:$missing" >&2; exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
