#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""mlpbound.py: the MLP bound of a benchmark kernel, one definition
(docs/performance.md, "The MLP bound").

The cycles the kernel would take if every one of its memory accesses
overlapped with as many others as the cache and the memory allow, the
compute left as it is:

    T_mlp   = T_perfect + A * t_acc / k
    t_acc   = 1 + L + (B - 1)            one line access at the memory
    k       = min(MSHRs, O, t_acc / B)   the overlap the hardware allows

T_perfect  the kernel's cycles with --perfect-dcache (every access hits:
           the compute, and everything that is not a data miss)
A          the kernel's line accesses at the memory in the plain run on the
           same cache: Wishbone read accesses (refills) + write accesses
           (write-backs), of the region of interest (the timed loop)
L          --mem-latency: the first beat's acknowledge comes 1 + L cycles
           after the memory accepted the access (tb/common/wb_mem.c)
B          beats per line, DcacheLine / 4: the further beats one per cycle
O          --mem-outstanding: accesses the memory accepts at once
MSHRs      DcacheMshrs: line misses the cache tracks at once
t_acc / B  the data bus: one beat per cycle, so no more than t_acc / B
           accesses can be overlapping usefully

The fraction of the bound a configuration achieves is T_mlp / T_config
(1 = at the bound), printed beside the fraction of the perfect cache,
T_perfect / T_config.

Usage: scripts/mlpbound.py --self-test    the arithmetic on known cases
       (exit 0 if they hold, 1 otherwise)
"""
import sys


def bound(perfect_cycles, accesses, latency, line_bytes, mshrs, outstanding):
    """T_mlp (float) and its parts; ValueError on impossible inputs."""
    if min(perfect_cycles, accesses, latency) < 0 or line_bytes < 4 or line_bytes % 4 \
            or mshrs < 1 or outstanding < 1:
        raise ValueError("mlpbound: bad input (negative count, line not whole words, "
                         "or no MSHR / outstanding access)")
    beats = line_bytes // 4
    t_acc = 1 + latency + (beats - 1)
    k = min(float(mshrs), float(outstanding), t_acc / beats)
    return {
        "cycles": perfect_cycles + accesses * t_acc / k,
        "t_access": t_acc,
        "overlap": k,
        "accesses": accesses,
        "perfect_cycles": perfect_cycles,
    }


def from_stats(perfect_cycles, plain_stats):
    """The bound from the plain run's --stats-json object (its first region
    of interest, else the whole run) and the perfect-cache kernel cycles."""
    cfg = plain_stats["config"]
    scope = plain_stats["roi"][0] if plain_stats.get("roi") else plain_stats
    wb = scope["wishbone"]
    return bound(perfect_cycles, wb["read_accesses"] + wb["write_accesses"],
                 cfg["mem_latency"], cfg["model"]["DcacheLine"], cfg["model"]["DcacheMshrs"],
                 cfg["mem_outstanding"])


def self_test():
    fails = []

    def expect(what, got, want):
        if abs(got - want) > 1e-9:
            fails.append(f"{what}: got {got}, want {want}")

    # 32-byte lines (8 beats), latency 100: an access takes 108 cycles; 4
    # MSHRs and 4 outstanding: 4 at once; 1000 accesses = 27000 cycles
    b = bound(5000, 1000, 100, 32, 4, 4)
    expect("t_access", b["t_access"], 108)
    expect("overlap", b["overlap"], 4)
    expect("cycles", b["cycles"], 5000 + 27000)
    # the memory's outstanding limit binds before 16 MSHRs
    expect("outstanding binds", bound(0, 10, 100, 32, 16, 4)["overlap"], 4)
    # the data bus binds: latency 0, 8 beats: t_acc 8, at most 1 at once
    b = bound(100, 10, 0, 32, 16, 16)
    expect("bus overlap", b["overlap"], 1)
    expect("bus cycles", b["cycles"], 100 + 80)
    # 16 MSHRs, 16 outstanding, latency 100: 108 / 8 = 13.5 at once
    expect("bus, long latency", bound(0, 27, 100, 32, 16, 16)["cycles"], 27 * 108 / 13.5)
    # no accesses: the bound is the perfect cache
    expect("no misses", bound(1234, 0, 100, 32, 4, 4)["cycles"], 1234)
    # from a stats JSON object: the region's accesses, not the whole run's
    st = {"config": {"mem_latency": 100, "mem_outstanding": 4,
                     "model": {"DcacheLine": 32, "DcacheMshrs": 2}},
          "wishbone": {"read_accesses": 999, "write_accesses": 999},
          "roi": [{"wishbone": {"read_accesses": 30, "write_accesses": 10}}]}
    expect("from_stats", from_stats(1000, st)["cycles"], 1000 + 40 * 108 / 2)
    for bad in ((1, 1, 100, 30, 4, 4), (1, 1, 100, 32, 0, 4), (1, -1, 100, 32, 4, 4)):
        try:
            bound(*bad)
            fails.append(f"bound{bad} accepted")
        except ValueError:
            pass
    for f in fails:
        print(f"mlpbound self-test: {f}", file=sys.stderr)
    print(f"mlpbound self-test: {'FAILED' if fails else 'ok'} (8 cases)")
    return 1 if fails else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(self_test())
    print("usage: scripts/mlpbound.py --self-test", file=sys.stderr)
    sys.exit(2)
