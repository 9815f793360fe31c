#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""scripts/bp-study.py - what another branch direction predictor would give,
from the commit log of a run (smtsim --commit-log, docs/verification.md).

Takes every conditional branch a context retired (opcode 0x63; taken when the
context's next retired instruction is not at PC + 4) and runs the branch
stream through direction predictors, each updated in program order:

  static            backward taken, forward not taken (ID's guess, docs/core.md)
  bimodal:N         N 2-bit counters indexed by PC[.:2] (the core's scheme:
                    BhtEntries, BranchPredict = 1), starting weakly not taken
  gshare:N:H[:L]    N 2-bit counters indexed by PC[.:2] XOR the last H
                    outcomes of the context; L (default 0) outcomes resolved
                    too late to be in the history a lookup sees (branches
                    between IF and EX in a pipeline that updates the history
                    at resolution)

It counts direction mispredictions only: a model of the core's target
buffer (BTB misses, ID's static guess after a miss) is not in it, so
bimodal:N is a lower bound of what the core mispredicts. A trap between a
branch and the next instruction counts as taken.

  scripts/bp-study.py LOG [LOG...] [--pred SPEC ...] [--json FILE]
  scripts/bp-study.py --self-test

Prints one row per log: branches, then mispredictions (and the rate) per
predictor. Exit 2 on bad usage or a log with no commit-log line.
"""
import argparse
import json
import re
import sys

LINE = re.compile(r'^core\s+(\d+):\s+\d+\s+0x([0-9a-fA-F]+)\s+\(0x([0-9a-fA-F]+)\)')
DEFAULT_PREDS = ['static', 'bimodal:128', 'bimodal:1024', 'gshare:128:6', 'gshare:512:8',
                 'gshare:512:8:2', 'gshare:4096:12']


class Bad(Exception):
    pass


def branch_stream(lines):
    """[(ctx, pc, taken, backward)] in retirement order, from commit-log
    lines; backward: the branch's offset is negative (its sign bit)."""
    last = {}            # ctx -> (pc, insn) of its last retired instruction
    out = []
    seen = False
    for line in lines:
        m = LINE.match(line)
        if not m:
            continue
        seen = True
        ctx, pc, insn = int(m.group(1)), int(m.group(2), 16), int(m.group(3), 16)
        prev = last.get(ctx)
        if prev is not None and prev[1] & 0x7f == 0x63:
            out.append((ctx, prev[0], pc != prev[0] + 4, bool(prev[1] >> 31)))
        last[ctx] = (pc, insn)
    if not seen:
        raise Bad('no commit-log line (core N: 3 0xPC (0xINSN) ...)')
    return out


def parse_pred(spec):
    """'bimodal:128' -> ('bimodal', 128, 0, 0); raises Bad on a bad spec."""
    parts = spec.split(':')
    try:
        nums = [int(p) for p in parts[1:]]
    except ValueError:
        raise Bad(f"predictor '{spec}': numbers expected after the name") from None
    kind = parts[0]
    shapes = {'static': (0, 0), 'bimodal': (1, 1), 'gshare': (2, 3)}
    if kind not in shapes or not shapes[kind][0] <= len(nums) <= shapes[kind][1]:
        raise Bad(f"predictor '{spec}': one of static, bimodal:N, gshare:N:H[:L]")
    n = nums[0] if nums else 0
    if kind != 'static' and (n < 1 or n & (n - 1)):
        raise Bad(f"predictor '{spec}': N must be a power of two")
    h = nums[1] if len(nums) > 1 else 0
    lag = nums[2] if len(nums) > 2 else 0
    if h < 0 or lag < 0 or h > 30:
        raise Bad(f"predictor '{spec}': 0 <= H <= 30, L >= 0")
    return kind, n, h, lag


def mispredicts(stream, spec):
    kind, n, h, lag = parse_pred(spec)
    if kind == 'static':
        return sum(taken != back for _, _, taken, back in stream)
    ctr = [1] * n
    hist = {}            # ctx -> history bits
    pend = {}            # ctx -> outcomes not yet in the history
    mask = (1 << h) - 1
    bad = 0
    for ctx, pc, taken, _ in stream:
        g = hist.get(ctx, 0) if kind == 'gshare' else 0
        i = ((pc >> 2) ^ g) & (n - 1)
        bad += (ctr[i] >= 2) != taken
        ctr[i] = min(3, ctr[i] + 1) if taken else max(0, ctr[i] - 1)
        if kind == 'gshare':
            q = pend.setdefault(ctx, [])
            q.append(taken)
            while len(q) > lag:
                hist[ctx] = ((hist.get(ctx, 0) << 1) | q.pop(0)) & mask
    return bad


def study(lines, preds):
    stream = branch_stream(lines)
    return {'branches': len(stream),
            'mispredicts': {p: mispredicts(stream, p) for p in preds}}


def self_test():
    fails = 0

    def check(what, got, want):
        nonlocal fails
        if got != want:
            print(f'bp-study: self-test: {what}: got {got}, want {want}')
            fails += 1

    def log(recs):
        return [f'core   {c}: 3 0x{pc:08x} (0x{i:08x}) x0  0x00000000' for c, pc, i in recs]

    BNE_BACK = 0xfe051ee3   # bnez a0, -4 (backward: imm sign bit set)
    BEQ_FWD = 0x00050463    # beqz a0, +8 (forward)
    ADDI = 0xfff50513       # addi a0, a0, -1
    # a loop of 4 iterations, run 10 times: addi at 0x100, bnez at 0x104 back to 0x100
    recs = []
    for _ in range(10):
        for k in range(4):
            recs += [(0, 0x100, ADDI), (0, 0x104, BNE_BACK)]
        recs.append((0, 0x108, ADDI))
    r = study(log(recs), ['static', 'bimodal:16', 'gshare:16:4'])
    check('loop: branches', r['branches'], 40)
    check('loop: static (the exit, once per run)', r['mispredicts']['static'], 10)
    # bimodal from weakly not taken: the first taken misses (1 -> 2), then
    # every exit misses (3 -> 2) and the next taken is right
    check('loop: bimodal', r['mispredicts']['bimodal:16'], 11)
    # gshare with 4 bits of history learns the trip count of 4
    check('loop: gshare learns the exit', r['mispredicts']['gshare:16:4'] < 10, True)
    # one forward branch alternating taken / not taken, with two contexts
    # interleaved (the history is per context)
    recs = []
    for k in range(200):
        for c in (0, 1):
            pc = 0x200 + 0x100 * c
            recs.append((c, pc, BEQ_FWD))
            recs.append((c, pc + 8 if k % 2 == 0 else pc + 4, ADDI))
    r = study(log(recs), ['static', 'bimodal:16', 'gshare:64:2', 'gshare:64:2:1'])
    check('alternating: branches', r['branches'], 400)
    check('alternating: static (every taken one)', r['mispredicts']['static'], 200)
    check('alternating: bimodal (half or more)', r['mispredicts']['bimodal:16'] >= 200, True)
    check('alternating: gshare (only while it learns)', r['mispredicts']['gshare:64:2'] <= 8, True)
    # with one outcome of lag the history a lookup sees is one behind: for an
    # alternating branch that still predicts it (the outcome two back)
    check('alternating: gshare, lag 1', r['mispredicts']['gshare:64:2:1'] <= 8, True)
    for bad in ['gshare:100:4', 'bimodal', 'tage:64', 'gshare:64:x', 'static:4', 'gshare:64:40']:
        try:
            parse_pred(bad)
            check(f"'{bad}' rejected", False, True)
        except Bad:
            pass
    try:
        branch_stream(['not a commit log'])
        check('a log with no commit-log line rejected', False, True)
    except Bad:
        pass
    print(f'bp-study: self-test {"passed" if fails == 0 else "FAILED"}')
    return 0 if fails == 0 else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('logs', nargs='*', metavar='LOG', help='smtsim --commit-log files')
    ap.add_argument('--pred', action='append', metavar='SPEC',
                    help=f'a predictor (repeatable; default: {" ".join(DEFAULT_PREDS)})')
    ap.add_argument('--json', metavar='FILE', help='also write the rows as JSON')
    ap.add_argument('--self-test', action='store_true')
    a = ap.parse_args()
    if a.self_test:
        return self_test()
    if not a.logs:
        print('bp-study: no commit log given (smtsim --commit-log FILE PROG.elf)', file=sys.stderr)
        return 2
    preds = a.pred or DEFAULT_PREDS
    rows = {}
    try:
        for p in preds:
            parse_pred(p)
        for f in a.logs:
            try:
                with open(f, encoding='ascii', errors='replace') as fh:
                    lines = fh.readlines()
            except OSError as e:
                raise Bad(f'{f}: {e.strerror}') from None
            try:
                rows[f] = study(lines, preds)
            except Bad as e:
                raise Bad(f'{f}: {e}') from None
    except Bad as e:
        print(f'bp-study: {e}', file=sys.stderr)
        return 2
    w = max(len(p) for p in preds)
    for f, r in rows.items():
        print(f"{f}: {r['branches']} conditional branches")
        for p in preds:
            m = r['mispredicts'][p]
            rate = m / r['branches'] if r['branches'] else 0.0
            print(f'  {p:<{w}}  {m:8d}  {100 * rate:5.1f}%')
    if a.json:
        with open(a.json, 'w') as fh:
            json.dump(rows, fh, indent=1)
    return 0


if __name__ == '__main__':
    sys.exit(main())
