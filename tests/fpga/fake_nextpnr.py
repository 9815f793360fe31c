#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""fake_nextpnr.py - a stand-in for nextpnr for test_fpga_flow.py: the router's
progress lines only, so fpga-run.py's stall rule can be tested in seconds.

  fake_nextpnr.py MODE [nextpnr's arguments, of which only --log FILE is used]

Writes one progress line into FILE every 0.2 s, up to 300:
  stall1    router1's table rows, the count of overused wires constant (5000)
  stall2    router2's "iter=N wires=N overused=N ..." lines, the same
  progress  router1's rows, the count 10% lower each line (about 9 s, several
            of fpga-run.py's polls), then exit 0 when it reaches 0
"""
import sys
import time

mode, args = sys.argv[1], sys.argv[2:]
log = open(args[args.index("--log") + 1], "w")
log.write("Info: Routing..\n")
over = 5000
for i in range(1, 301):
    if mode == "progress":
        over = over * 9 // 10 if over > 50 else 0
    if mode == "stall2":
        log.write("Info:     iter=%d wires=90000 overused=%d overuse=%d archfail=NA\n" % (i, over, over))
    else:
        log.write("Info: %10d | %8d %8d | %4d %4d | %9d| %10.2f %10.2f|\n"
                  % (1000 * i, 20 * i, 80 * i, 300, 700, over, 0.2, 0.2 * i))
    log.flush()
    if over == 0:
        sys.exit(0)
    time.sleep(0.2)
