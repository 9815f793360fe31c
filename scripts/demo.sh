#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# scripts/demo.sh - the pre-execution demo: run the seed's list example
# (sw/examples/pex_list.c) with and without pre-execution and print the
# two runs side by side: cycles, speedup, main-thread load misses and the
# pre-execution counters (spawned, refused, instructions, fills, useful,
# late, useless; coverage, accuracy, lateness).
#
# usage: scripts/demo.sh [LATENCY ...]
#   Runs at --mem-latency 100 (the simulator's default) and at every
#   LATENCY given (each once). Builds nothing: `make demo` builds
#   $(BUILD)/smtsim and $(BUILD)/prog/pex_list.elf first. BUILD (default
#   build) and DEMO_PROG (default pex_list) may be set in the environment.
# Exit status: 0 if every run ended with exit code 0 and the checksums of
# the runs with and without pre-execution are identical, 1 otherwise,
# 2 on bad usage or missing files.
set -eu

cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
PROG=${DEMO_PROG:-pex_list}
SIM=$BUILD/smtsim
ELF=$BUILD/prog/$PROG.elf
DEFAULT_LATENCY=100

die() { echo "demo.sh: $*" >&2; exit 2; }

[ -x "$SIM" ] || die "$SIM not found (run 'make demo', which builds it)"
[ -f "$ELF" ] || die "$ELF not found (run 'make demo', which builds it)"
command -v python3 >/dev/null 2>&1 || die "python3 is needed to read the statistics"

latencies=$DEFAULT_LATENCY
for l in "$@"; do
    case $l in
        ''|*[!0-9]*) die "bad latency '$l' (want a non-negative integer number of cycles)" ;;
    esac
    case " $latencies " in
        *" $l "*) ;;
        *) latencies="$latencies $l" ;;
    esac
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/outrider-demo.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

status=0
for lat in $latencies; do
    for mode in off on; do
        flag=
        [ "$mode" = off ] && flag=--no-preexec
        rc=0
        "$SIM" --quiet $flag --mem-latency "$lat" --stats-json "$tmp/$mode.json" "$ELF" \
            > "$tmp/$mode.out" 2> "$tmp/$mode.err" || rc=$?
        echo "$rc" > "$tmp/$mode.rc"
        if [ "$rc" -ne 0 ]; then
            echo "demo.sh: $PROG with pre-execution $mode at --mem-latency $lat exited with $rc" >&2
            cat "$tmp/$mode.err" "$tmp/$mode.out" >&2
            status=1
        fi
    done
    python3 - "$tmp" "$PROG" "$lat" <<'EOF' || status=1
import json, re, sys

tmp, prog, lat = sys.argv[1], sys.argv[2], sys.argv[3]

def load(mode):
    with open(f"{tmp}/{mode}.json") as f:
        stats = json.load(f)
    with open(f"{tmp}/{mode}.out") as f:
        out = f.read()
    return stats, out

def find(obj, key):
    """The value of `key` in the preexec object, else anywhere in the JSON."""
    if isinstance(obj, dict):
        pre = obj.get("preexec")
        if isinstance(pre, dict) and key in pre:
            return pre[key]
        if key in obj and not isinstance(obj[key], (dict, list)):
            return obj[key]
        for v in obj.values():
            r = find(v, key)
            if r is not None:
                return r
    elif isinstance(obj, list):
        for v in obj:
            r = find(v, key)
            if r is not None:
                return r
    return None

def console_cycles(out):
    m = re.search(r"(\d+) cycles", out)
    return int(m.group(1)) if m else None

def checksum(out):
    m = re.search(r"checksum (0x[0-9a-fA-F]+)", out)
    return m.group(1) if m else None

try:
    off, off_out = load("off")
    on, on_out = load("on")
except (OSError, ValueError) as e:
    print(f"demo.sh: cannot read the statistics: {e}", file=sys.stderr)
    sys.exit(1)

def fmt(v):
    if v is None:
        return "n/a"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)

def ratio(a, b):
    return None if a is None or b in (None, 0) else a / b

rows = []
def row(name, a, b):
    rows.append((name, fmt(a), fmt(b)))

k_off, k_on = console_cycles(off_out), console_cycles(on_out)
row(f"cycles, {prog} kernel", k_off, k_on)
row("cycles, whole run", off.get("cycles"), on.get("cycles"))
sp = ratio(k_off, k_on)
row("speedup (kernel)", None, f"{sp:.2f}x" if sp else None)
row("main-thread loads (whole run)", find(off, "main_loads"), find(on, "main_loads"))
row("main-thread load misses (whole run)", find(off, "main_load_misses"), find(on, "main_load_misses"))
for key in ("spawned", "refused", "cancelled", "budget_stops", "exception_stops",
            "instructions", "fills", "useful_fills", "late_fills", "useless_fills"):
    row(f"p-thread {key.replace('_', ' ')}", find(off, key), find(on, key))

def derived(s):
    # smtsim's own figures (outrider_stats_derive: the one formula, docs/testbench.md)
    d = s.get("derived") or {}
    return d.get("coverage"), d.get("accuracy"), d.get("lateness")

for name, a, b in zip(("coverage", "accuracy", "lateness"), derived(off), derived(on)):
    row(name, a, b)

c_off, c_on = checksum(off_out), checksum(on_out)
print(f"== {prog} at --mem-latency {lat}: without vs with pre-execution")
w = max(len(r[0]) for r in rows)
print(f"  {'':<{w}}  {'--no-preexec':>14}  {'pre-execution':>14}")
for name, a, b in rows:
    print(f"  {name:<{w}}  {a:>14}  {b:>14}")
same = c_off is not None and c_off == c_on
print(f"  checksum {c_off} / {c_on}: {'identical' if same else 'DIFFERENT'}")
sys.exit(0 if same else 1)
EOF
done
exit $status
