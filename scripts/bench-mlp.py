#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""scripts/bench-mlp.py - memory-level parallelism from an smtsim event log.

usage: scripts/bench-mlp.py EVENTS [LAST_CYCLES]

Reads the event log of `smtsim --events EVENTS` (docs/testbench.md) and
reports how many line reads were in flight at the memory, on average and
as a histogram of cycles, over the last LAST_CYCLES cycles of the log (the
benchmark kernels run last: pass the kernel's cycle count; default: the
whole log). A read is in flight from its `bus` event (memory accepted its
first beat; op 0 = read) to the next `fill` event (a line installed; reads
complete in order). Writebacks (bus op 1) are not counted.
Exit status 0, or 2 on bad usage or an unreadable log.
"""
import sys


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        sys.exit(2)
    try:
        last = int(sys.argv[2]) if len(sys.argv) == 3 else None
        events = []
        with open(sys.argv[1]) as f:
            for line in f:
                if line.startswith("#"):
                    continue
                p = line.split()
                if len(p) < 6:
                    continue
                cyc, kind, op = int(p[0]), p[1], p[5]
                if kind == "bus" and op == "0":
                    events.append((cyc, +1))
                elif kind == "fill":
                    events.append((cyc, -1))
    except (OSError, ValueError) as e:
        print(f"bench-mlp.py: cannot read {sys.argv[1]}: {e}", file=sys.stderr)
        sys.exit(2)
    if not events:
        print("bench-mlp.py: no memory reads in the log", file=sys.stderr)
        sys.exit(2)
    end = events[-1][0]
    start = end - last if last is not None else events[0][0]
    hist = {}
    inflight, prev = 0, None
    for cyc, d in events:
        if prev is not None and cyc > start:
            lo = max(prev, start)
            if cyc > lo:
                hist[inflight] = hist.get(inflight, 0) + (cyc - lo)
        inflight = max(0, inflight + d)
        prev = cyc
    total = sum(hist.values()) or 1
    avg = sum(k * v for k, v in hist.items()) / total
    busy = sum(v for k, v in hist.items() if k > 0)
    avg_busy = sum(k * v for k, v in hist.items()) / busy if busy else 0.0
    print(f"cycles {total}: reads in flight {avg:.2f} on average, {avg_busy:.2f} while any; "
          + ", ".join(f"{k}: {100 * v / total:.0f}%" for k, v in sorted(hist.items())))


if __name__ == "__main__":
    main()
