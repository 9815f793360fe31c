#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""scripts/dual-study.py - what issuing two instructions per cycle from one
context would give, from the commit log of a run (smtsim --commit-log).

A trace-driven timing model of one context of the core (docs/core.md,
"Hazards and penalties" and "Branch prediction"). Every instruction gets the
cycle in which it enters EX; the model charges exactly the table's costs:

  - a register written by an ALU instruction, multiply or link is ready for
    the next instruction; a load's, LR's, SC's or AMO's value two cycles
    later (`--load-use 2`, the default model; 1 is `LoadForward`'s best
    case), a CSR read's one cycle later;
  - branch prediction as in outrider_bpred: a 32-entry direct-mapped BTB
    (PC[6:2], tagged), 128 bimodal counters (a branch entering the BTB
    starts weakly taken), a 4-entry return stack per context; a wrong or
    missing prediction costs 2 cycles, a JAL or taken backward branch that
    only ID predicts 1, a not-taken backward branch missing in the BTB 2;
  - a divide parks the context: the next instruction enters EX
    `DIV_BASE` + S cycles after it, S the divider's steps (one per
    significant bit of the dividend's magnitude, at least 1, 32 for a
    division by zero; the dividend is tracked from the log's register
    values);
  - a memory operation, CSR access, divide, fence or system instruction
    right behind a memory operation or divide in WB waits a cycle, but for a
    plain aligned load behind a memory operation ("The squash after WB").

Data-cache misses are not modelled: the compute set's data fits in the
cache (its perfect-cache cycles are within 0.1% of the real ones,
docs/performance.md), so the single-issue model can be checked against the
run's own `roi` cycles (`--stats-json`): that check is the first column.

Then the same trace through dual-issue variants: instruction i+1 enters EX
in the same cycle as i when it is ready then, does not read i's result, the
pair is sequential (i+1 at i's PC + 4: a taken branch ends a fetch pair),
and the pair's classes are allowed by the variant:

  alu          ALU + ALU only (OP without M, OP-IMM, LUI, AUIPC)
  alu-br       and one branch or jump (in either slot; a taken one in
               slot 0 cannot pair, its target is not PC + 4)
  alu-br-mem   and one load or store (one data port)
  full         and one multiply (the divider, CSRs, AMOs, fences and
               system instructions never pair)

With `--cascade` the second instruction may also read the first one's ALU
result (an ALU, address adder or branch compare in series behind slot 0's
ALU: the pair's cycle gets two adders long). With `--late-alu` an ALU instruction whose operands are not ready for EX but
will be two stages later executes there (a second ALU at the WB stage, fed
from the WB2 register and its own forwarding: the data cache's answer still
reaches no logic in the cycle it arrives); its result reaches EX readers from
WB2 (ready 3 cycles after its EX), late readers a cycle after it. A load's
ALU reader can then go right behind the load, and a dependent ALU pair can
issue together (the second one late). With `--late-branch` a conditional
branch or JALR whose operands are not ready for EX resolves two stages later
in the same way (its reader of a load goes right behind it; a wrong
prediction then costs 4 cycles instead of 2). With `--fetch aligned` a pair must also start at an 8-byte aligned PC (a
64-bit instruction port without a fetch buffer); `seq` (default) assumes a
buffer that pairs any two sequential instructions.

  scripts/dual-study.py LOG[:ROI] [...] [--load-use N] [--fetch F]
                        [--cascade] [--late-alu] [--late-branch] [--json FILE]
  scripts/dual-study.py --self-test

LOG is a commit log; ROI (optional) the run's roi[0].cycles, as a number or
the run's --stats-json file, shown beside the model's single-issue cycles. The region is the instructions of
context 0 between its first two writes of the `roi` CSR (0x7C2); without
them, the whole log. Exit 2 on bad usage or a log with no commit-log line.
"""
import argparse
import json
import math
import re
import sys

LINE = re.compile(r'^core\s+(\d+):\s+\d+\s+0x([0-9a-fA-F]+)\s+\(0x([0-9a-fA-F]+)\)'
                  r'(?:\s+x(\d+)\s+0x([0-9a-fA-F]+))?(?:\s+mem\s+0x([0-9a-fA-F]+))?')
CSR_ROI = 0x7C2
DIV_BASE = 5            # cycles from a divide's EX to the next EX, beyond the steps
VARIANTS = ['alu', 'alu-br', 'alu-br-mem', 'full']
# which classes a variant lets into a pair (at most one of each but 'alu')
ALLOW = {'alu': {'alu'}, 'alu-br': {'alu', 'br'}, 'alu-br-mem': {'alu', 'br', 'mem'},
         'full': {'alu', 'br', 'mem', 'mul'}}


class Bad(Exception):
    pass


class Insn:
    """One retired instruction, decoded as far as the timing model needs."""
    __slots__ = ('pc', 'word', 'op', 'rd', 'rs1', 'rs2', 'cls', 'srcs', 'wr', 'addr',
                 'steps', 'taken', 'next_pc', 'aligned', 'csr')

    def __init__(self, pc, word, addr):
        self.pc, self.word, self.addr = pc, word, addr
        self.op = word & 0x7f
        self.rd = (word >> 7) & 31
        self.rs1 = (word >> 15) & 31
        self.rs2 = (word >> 20) & 31
        f3 = (word >> 12) & 7
        f7 = word >> 25
        self.csr = None
        self.steps = 0
        self.taken = False
        self.next_pc = None
        self.aligned = True
        op = self.op
        uses1 = op in (0x03, 0x23, 0x2f, 0x63, 0x67, 0x33, 0x13) or (op == 0x73 and f3 in (1, 2, 3))
        uses2 = op in (0x23, 0x2f, 0x63, 0x33)
        self.srcs = tuple(r for r, u in ((self.rs1, uses1), (self.rs2, uses2)) if u and r)
        writes = op in (0x03, 0x2f, 0x6f, 0x67, 0x33, 0x13, 0x37, 0x17) or (op == 0x73 and f3 != 0)
        self.wr = self.rd if writes and self.rd else 0
        if op in (0x03, 0x2f):
            self.cls = 'load'           # its value comes from the data side
        elif op == 0x23:
            self.cls = 'store'
        elif op == 0x33 and f7 == 1:
            self.cls = 'div' if f3 >= 4 else 'mul'
        elif op in (0x33, 0x13, 0x37, 0x17):
            self.cls = 'alu'
        elif op in (0x63, 0x6f, 0x67):
            self.cls = 'br'
        elif op == 0x73 and f3 != 0:
            self.cls = 'csr'
            self.csr = word >> 20
        else:
            self.cls = 'sys'            # fence, ecall, mret, wfi, custom


def parse(lines, ctx=0):
    """The context's instructions in retirement order (Insn), with each
    branch's outcome, each divide's steps and each access's alignment."""
    out = []
    regs = [0] * 32
    seen = False
    for line in lines:
        m = LINE.match(line)
        if not m:
            continue
        seen = True
        if int(m.group(1)) != ctx:
            continue
        addr = int(m.group(6), 16) if m.group(6) else None
        ins = Insn(int(m.group(2), 16), int(m.group(3), 16), addr)
        if ins.cls == 'div':
            a = regs[ins.rs1]
            b = regs[ins.rs2]
            signed = ((ins.word >> 12) & 7) in (4, 6)
            if signed and a & 0x80000000:
                a = (-a) & 0xffffffff
            ins.steps = 32 if b == 0 else max(1, a.bit_length())
        if addr is not None:
            size = 1 << ((ins.word >> 12) & 3)
            ins.aligned = addr % size == 0
        if out:
            prev = out[-1]
            prev.next_pc = ins.pc
            prev.taken = ins.pc != prev.pc + 4
        out.append(ins)
        if m.group(4) is not None and int(m.group(4)):
            regs[int(m.group(4))] = int(m.group(5), 16)
    if not seen:
        raise Bad('no commit-log line (smtsim --commit-log FILE)')
    return out


def region(insns):
    """(first, last) indices of the region between the first two writes of
    the roi CSR, or the whole trace."""
    marks = [i for i, x in enumerate(insns) if x.cls == 'csr' and x.csr == CSR_ROI]
    if len(marks) >= 2:
        return marks[0], marks[1]
    return 0, len(insns) - 1


class Predictor:
    """outrider_bpred's BTB, bimodal counters and return stack, trained in
    program order. penalty(ins) -> cycles the context loses at ins."""

    def __init__(self, btb=32, bht=128, ras=4):
        self.btb = [None] * btb          # (tag, target, kind)
        self.bht = [1] * bht             # 2-bit counters, weakly not taken
        self.ras = [0] * ras
        self.sp = 0
        self.nbtb, self.nbht = btb, bht

    def _btb(self, pc):
        i = (pc >> 2) % self.nbtb
        e = self.btb[i]
        tag = pc >> 7
        return i, (e if e is not None and e[0] == tag else None)

    def penalty(self, ins):
        op = ins.op
        i, e = self._btb(ins.pc)
        ctr_i = (ins.pc >> 2) % self.nbht
        is_call = op in (0x6f, 0x67) and ins.rd in (1, 5)
        is_ret = op == 0x67 and ins.rd == 0 and ins.rs1 in (1, 5)
        if op not in (0x63, 0x6f, 0x67):
            return 2 if e is not None else 0   # a stale entry
        pen = 0
        if op == 0x63:
            backward = bool(ins.word >> 31)
            if e is not None:
                pred_taken = self.bht[ctr_i] >= 2
                pen = 0 if pred_taken == ins.taken and (not ins.taken or e[1] == ins.next_pc) else 2
            elif ins.taken:
                pen = 1 if backward else 2
            else:
                pen = 2 if backward else 0
            if e is not None or ins.taken:
                c = self.bht[ctr_i]
                self.bht[ctr_i] = min(3, c + 1) if ins.taken else max(0, c - 1)
        elif op == 0x6f:
            pen = 0 if e is not None else 1
        else:
            if e is not None:
                target = self.ras[(self.sp - 1) % len(self.ras)] if e[2] == 'ret' else e[1]
                pen = 0 if target == ins.next_pc else 2
            else:
                pen = 2
        if is_ret:
            self.sp = (self.sp - 1) % len(self.ras)
        if is_call:
            self.ras[self.sp] = ins.pc + 4
            self.sp = (self.sp + 1) % len(self.ras)
        if ins.taken:
            kind = 'ret' if is_ret else 'jump' if op != 0x63 else 'branch'
            if e is None and op == 0x63:
                self.bht[ctr_i] = 2
            self.btb[i] = (ins.pc >> 7, ins.next_pc, kind)
        return pen


def pair_class(ins):
    return {'alu': 'alu', 'br': 'br', 'load': 'mem', 'store': 'mem', 'mul': 'mul'}.get(ins.cls)


def simulate(insns, first, last, variant=None, load_use=2, fetch='seq', cascade=False,
             late_alu=False, late_branch=False):
    """Cycles of the region [first, last] (EX cycle of last - EX cycle of
    first) and the number of pairs issued; variant None = single issue."""
    ready = [0] * 32                 # earliest EX cycle of an EX reader, per register
    ready_late = [0] * 32            # ... of a reader that executes in the late ALU
    pred = Predictor()
    t_prev = -1                      # EX cycle of the previous instruction
    prev_late = False                # the previous instruction executed late
    paired_prev = False              # the previous instruction took the second slot
    fe = 0                           # earliest EX cycle after a redirect
    memwb_prev = False               # previous instruction: memory op or divide
    t_first = t_last = 0
    pairs = 0
    allow = ALLOW[variant] if variant else set()
    prev = None
    for k, ins in enumerate(insns):
        late_br = late_branch and ins.cls == 'br' and ins.op in (0x63, 0x67)
        can_late = (late_alu and ins.cls == 'alu') or late_br

        def when(lo, casc):
            """(cycle, late): the earliest EX cycle >= lo with the operands
            there; casc: a register read from the pair's first ALU."""
            te = tl = lo
            for r in ins.srcs:
                te = max(te, t_prev if r == casc else ready[r])
                tl = max(tl, ready_late[r])
            if can_late and tl + 1 < te:    # late only when it saves 2 cycles
                return tl, True
            return te, False

        t, late = when(max(fe, t_prev + 1), None)
        if variant and prev is not None and not paired_prev:
            # may ins go in the same cycle as prev? (a read of prev's result
            # waits by the ready times, but for the cascade)
            a, b = pair_class(prev), pair_class(ins)
            ok = (a in allow and b in allow and ins.pc == prev.pc + 4
                  and (a != b or a == 'alu')
                  and (fetch == 'seq' or prev.pc % 8 == 0)
                  and fe <= t_prev)
            if ok:
                casc = prev.wr if cascade and a == 'alu' and b != 'mul' and not prev_late else None
                t2, late2 = when(t_prev, casc)
                # pair it, but not into the late ALU when it could go early
                # a cycle later (its EX readers would wait two cycles more)
                if t2 == t_prev and not (late2 and not late and t == t_prev + 1):
                    t, late = t2, late2
        slot2 = variant is not None and prev is not None and t == t_prev
        # the squash after WB: a memory op (or ...) right behind one in WB
        if (not slot2 and memwb_prev and t == t_prev + 1
                and ins.cls in ('load', 'store', 'csr', 'div', 'sys')
                and not (ins.cls == 'load' and ins.op == 0x03 and ins.aligned
                         and prev is not None and prev.cls != 'div')):
            t += 1
        if ins.wr:
            if ins.cls == 'load':
                ready[ins.wr], ready_late[ins.wr] = t + 1 + load_use, t + 1
            elif ins.cls == 'csr':
                ready[ins.wr], ready_late[ins.wr] = t + 2, t + 1
            elif late and not late_br:   # computed two stages after EX, read from WB2
                ready[ins.wr], ready_late[ins.wr] = t + 3, t + 1
            else:                        # a late reader may even share the cycle
                ready[ins.wr], ready_late[ins.wr] = t + 1, t
        pen = pred.penalty(ins)
        if late and late_br and pen == 2:    # resolved two stages after EX
            pen = 4
        fe = max(fe, t + 1 + pen) if pen else fe
        if ins.cls == 'div':
            fe = max(fe, t + DIV_BASE + ins.steps)
        memwb_prev = ins.cls in ('load', 'store', 'div')
        if k == first:
            t_first = t
        if k == last:
            t_last = t
        if slot2 and first < k <= last:
            pairs += 1
        paired_prev = slot2
        prev_late = late
        t_prev = t
        prev = ins
    return t_last - t_first, pairs


def study(insns, load_use, fetch, cascade, late_alu=False, late_branch=False):
    first, last = region(insns)
    n = last - first
    rows = {}
    cyc, _ = simulate(insns, first, last, None, load_use, fetch, False, late_alu, late_branch)
    rows['single'] = {'cycles': cyc, 'ipc': n / cyc if cyc else 0.0, 'pairs': 0}
    for v in VARIANTS:
        c, p = simulate(insns, first, last, v, load_use, fetch, cascade, late_alu, late_branch)
        rows[v] = {'cycles': c, 'ipc': n / c if c else 0.0, 'pairs': p}
    return n, rows


def self_test():
    def asm(words, pc=0x80000000):
        return ['core   0: 3 0x%08x (0x%08x)' % (pc + 4 * i, w) for i, w in enumerate(words)]
    addi = lambda rd, rs, imm: (imm & 0xfff) << 20 | rs << 15 | rd << 7 | 0x13
    lw = lambda rd, rs: rs << 15 | 2 << 12 | rd << 7 | 0x03
    # 8 independent addi: single issue 7 cycles first..last, dual 3 (pairs 4)
    ins = parse(asm([addi(i + 1, 0, i) for i in range(8)]))
    assert simulate(ins, 0, 7)[0] == 7, simulate(ins, 0, 7)
    assert simulate(ins, 0, 7, 'alu') == (3, 4), simulate(ins, 0, 7, 'alu')
    # a chain of dependent addi never pairs
    ins = parse(asm([addi(1, 1, 1)] * 6))
    assert simulate(ins, 0, 5, 'full') == (5, 0)
    # load then its use: 2 bubbles (EX cycles 0 and 3); with load-use 1: 2
    lines = asm([lw(1, 2), addi(3, 1, 1)])
    lines[0] += ' x1  0x00000000 mem 0x80001000'
    ins = parse(lines)
    assert simulate(ins, 0, 1)[0] == 3 and simulate(ins, 0, 1, None, 1)[0] == 2
    # a dependent ALU pair only with --cascade
    ins = parse(asm([addi(1, 0, 1), addi(2, 1, 1)]))
    assert simulate(ins, 0, 1, 'alu')[0] == 1 and simulate(ins, 0, 1, 'alu', cascade=True)[0] == 0
    # the late ALU: a load's ALU reader goes right behind it; a branch on
    # the late result waits until it is in WB2 (EX cycles 0, 1, 4)
    beq = lambda a, b: b << 20 | a << 15 | 8 << 8 | 0x63
    lines = asm([lw(1, 2), addi(3, 1, 1), beq(3, 0)])
    lines[0] += ' x1  0x00000000 mem 0x80001000'
    ins = parse(lines)
    assert simulate(ins, 0, 1)[0] == 3 and simulate(ins, 0, 1, late_alu=True)[0] == 1
    assert simulate(ins, 0, 2, late_alu=True)[0] == 4, simulate(ins, 0, 2, late_alu=True)
    # the late branch: a load's branch reader resolves two stages later
    # (EX cycles 0 and 1, instead of 0 and 3); the beq above is not taken,
    # not in the BTB: predicted right
    lines = asm([lw(1, 2), beq(1, 0), addi(4, 0, 1)])
    lines[0] += ' x1  0x00000001 mem 0x80001000'
    ins = parse(lines)
    assert simulate(ins, 0, 1)[0] == 3 and simulate(ins, 0, 1, late_branch=True)[0] == 1
    assert simulate(ins, 0, 2, late_branch=True)[0] == 2
    # ... and when the branch is mispredicted (taken, not in the BTB: ID's
    # guess is not-taken for a forward branch) its 2 cycles become 4
    lines = asm([lw(1, 2), beq(1, 0)]) + asm([addi(4, 0, 1)], pc=0x80000010)
    lines[0] += ' x1  0x00000000 mem 0x80001000'
    ins = parse(lines)
    assert simulate(ins, 0, 2)[0] == 3 + 1 + 2, simulate(ins, 0, 2)
    assert simulate(ins, 0, 2, late_branch=True)[0] == 1 + 1 + 4, simulate(ins, 0, 2, late_branch=True)
    # ... but a dependent ALU op that could go early a cycle later is not
    # paired into the late ALU; a chain of late ALU ops goes one per cycle
    # (EX cycles 0, 1, 2)
    ins = parse(asm([addi(1, 0, 1), addi(2, 1, 1)]))
    assert simulate(ins, 0, 1, 'alu', late_alu=True)[0] == 1
    lines = asm([lw(1, 2), addi(3, 1, 1), addi(4, 3, 1)])
    lines[0] += ' x1  0x00000000 mem 0x80001000'
    ins = parse(lines)
    assert simulate(ins, 0, 2, 'full', late_alu=True) == (2, 0)
    # a load pairs with an ALU op only from alu-br-mem on
    lines = asm([lw(1, 2), addi(3, 4, 1)])
    lines[0] += ' x1  0x00000000 mem 0x80001000'
    ins = parse(lines)
    assert simulate(ins, 0, 1, 'alu-br')[0] == 1 and simulate(ins, 0, 1, 'alu-br-mem')[0] == 0
    # aligned fetch: a pair must start at an 8-byte aligned PC
    ins = parse(asm([addi(i + 1, 0, i) for i in range(3)], pc=0x80000004))
    assert simulate(ins, 0, 2, 'alu', fetch='aligned')[0] == 1
    assert simulate(ins, 0, 2, 'alu', fetch='seq')[0] == 1
    ins = parse(asm([addi(i + 1, 0, i) for i in range(4)], pc=0x80000004))
    assert simulate(ins, 0, 3, 'alu', fetch='aligned')[0] == 2
    assert simulate(ins, 0, 3, 'alu', fetch='seq')[0] == 1
    # a loop of 4 (3 addi + bne back) run 10 times: warm, each iteration
    # costs 4 single, 2 dual with branches; cold: 1 (ID's guess) once
    body = [addi(5, 5, 1), addi(6, 6, 1), addi(7, 7, 1)]
    bne = lambda off: ((off >> 12) & 1) << 31 | ((off >> 5) & 0x3f) << 25 | 8 << 20 | 5 << 15 \
        | 1 << 12 | ((off >> 1) & 0xf) << 8 | ((off >> 11) & 1) << 7 | 0x63
    lines = []
    for it in range(10):
        lines += asm(body + [bne(-12)])
    lines += asm([addi(9, 0, 0)], pc=0x80000010)
    ins = parse(lines)
    n = len(ins) - 1
    single = simulate(ins, 0, n)[0]
    assert single == 40 + 1 + 2, single           # ID's guess once, the exit mispredicted
    dual = simulate(ins, 0, n, 'alu-br')[0]
    assert dual == 20 + 1 + 2, dual
    # region between two roi writes
    csrw = lambda: CSR_ROI << 20 | 5 << 15 | 5 << 12 | 0x73
    ins = parse(asm([addi(1, 0, 1), csrw(), addi(2, 0, 1), addi(3, 0, 1), csrw(), addi(4, 0, 1)]))
    assert region(ins) == (1, 4)
    try:
        parse(['nothing here'])
        raise AssertionError('a log without lines must be refused')
    except Bad:
        pass
    print('dual-study self-test: ok')


def roi_cycles(text):
    """A number, or the roi[0].cycles of a --stats-json file."""
    if text.isdigit():
        return int(text)
    with open(text) as f:
        return int(json.load(f)['roi'][0]['cycles'])


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('logs', nargs='*', metavar='LOG[:ROI]')
    ap.add_argument('--load-use', type=int, default=2, choices=(0, 1, 2),
                    help="cycles a load's reader waits when it is the next instruction")
    ap.add_argument('--fetch', default='seq', choices=('seq', 'aligned'))
    ap.add_argument('--cascade', action='store_true',
                    help="slot 1 may read slot 0's ALU result (a second ALU in series)")
    ap.add_argument('--late-alu', action='store_true',
                    help='an ALU instruction whose operand is not ready for EX executes two '
                         'stages later, reading it from WB2')
    ap.add_argument('--late-branch', action='store_true',
                    help='a branch or JALR whose operand is not ready for EX resolves two '
                         'stages later (a mispredicted one then costs 4 cycles)')
    ap.add_argument('--json', metavar='FILE')
    ap.add_argument('--self-test', action='store_true')
    args = ap.parse_args(argv)
    if args.self_test:
        self_test()
        return 0
    if not args.logs:
        ap.print_usage(sys.stderr)
        print('dual-study.py: give at least one commit log', file=sys.stderr)
        return 2
    results = []
    for spec in args.logs:
        path, _, real = spec.partition(':')
        try:
            real = roi_cycles(real) if real else None
        except (OSError, ValueError, KeyError, IndexError, TypeError) as e:
            print('dual-study.py: %s: ROI must be a number or a --stats-json file '
                  'with roi[0].cycles (%s)' % (spec, e), file=sys.stderr)
            return 2
        try:
            with open(path) as f:
                insns = parse(f)
        except OSError as e:
            print('dual-study.py: %s: %s' % (path, e.strerror), file=sys.stderr)
            return 2
        except Bad as e:
            print('dual-study.py: %s: %s' % (path, e), file=sys.stderr)
            return 2
        n, rows = study(insns, args.load_use, args.fetch, args.cascade, args.late_alu,
                        args.late_branch)
        results.append({'log': path, 'instructions': n, 'real_cycles': real,
                        'load_use': args.load_use, 'fetch': args.fetch,
                        'cascade': args.cascade, 'late_alu': args.late_alu,
                        'late_branch': args.late_branch, 'rows': rows})
    print('load-use %d, fetch %s%s%s%s' % (args.load_use, args.fetch,
                                          ', cascade' if args.cascade else '',
                                          ', late ALU' if args.late_alu else '',
                                          ', late branch' if args.late_branch else ''))
    print()
    print('| log | instructions | real cycles | single (model) | model error | '
          + ' | '.join('IPC %s (pairs)' % v for v in ['single'] + VARIANTS) + ' |')
    print('|---|---:|---:|---:|---:|' + '---:|' * (1 + len(VARIANTS)))
    for r in results:
        rows, real = r['rows'], r['real_cycles']
        single = rows['single']['cycles']
        err = '%+.1f%%' % (100.0 * (single - real) / real) if real else '-'
        cells = ['%.3f' % rows['single']['ipc']]
        cells += ['%.3f (%d)' % (rows[v]['ipc'], rows[v]['pairs']) for v in VARIANTS]
        print('| %s | %d | %s | %d | %s | %s |' % (r['log'], r['instructions'],
                                                   real if real else '-', single, err,
                                                   ' | '.join(cells)))
    if len(results) > 1:
        cells = []
        for v in ['single'] + VARIANTS:
            g = math.exp(sum(math.log(r['rows'][v]['ipc']) for r in results) / len(results))
            cells.append('**%.3f**' % g)
        print('| **geomean** | | | | | %s |' % ' | '.join(cells))
    if args.json:
        with open(args.json, 'w') as f:
            json.dump(results, f, indent=1)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
