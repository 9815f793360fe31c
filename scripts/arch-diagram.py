#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""arch-diagram.py: the block diagram of docs/architecture.md, from the RTL.

Usage: scripts/arch-diagram.py SOC.json OUT.dot

SOC.json is yosys `write_json` of the SoC after `hierarchy; proc` (not
flattened; rtl/rtl.mk `make arch-diagram` runs it). The picture has one box
per module instance, nested as the hierarchy is (one cluster per module that
has sub-instances), and one edge between two sibling instances that share a
net, labelled with up to two of the shared signal names. The module's own
logic (what is not in a sub-instance) is the cluster's "glue" node. Leaf
modules without sub-instances are boxes; their inside is not drawn.
"""
import json
import re
import sys


def is_user(t):
    return t.startswith("$paramod") or not t.startswith("$")


def base_name(t):
    m = re.match(r"\$paramod\$[0-9a-f]+\\(\w+)", t) or re.match(r"\$paramod\\(\w+)", t)
    return m.group(1) if m else t


def clean(n):
    n = n.lstrip("\\")
    return n


def main(argv):
    if len(argv) != 2:
        print("usage: arch-diagram.py SOC.json OUT.dot", file=sys.stderr)
        return 2
    try:
        with open(argv[0]) as f:
            mods = json.load(f)["modules"]
    except (OSError, ValueError, KeyError) as e:
        print("arch-diagram: %s: %s" % (argv[0], e), file=sys.stderr)
        return 2
    top = [m for m, v in mods.items() if v.get("attributes", {}).get("top")]
    if len(top) != 1:
        print("arch-diagram: no single top module in %s" % argv[0], file=sys.stderr)
        return 2
    out = ["digraph outrider {", "  rankdir=LR; compound=true; newrank=true;",
           '  node [shape=box, style="rounded,filled", fillcolor="#eef3fb", fontname="Helvetica", fontsize=10];',
           '  edge [dir=none, color="#667788", fontname="Helvetica", fontsize=8];']
    counter = [0]
    path_ids = {}

    def net_names(mod):
        names = {}
        for n, v in mod["netnames"].items():
            if v.get("hide_name"):
                continue
            for b in v["bits"]:
                if isinstance(b, int):
                    names.setdefault(b, []).append(clean(n))
        return names

    def emit(modname, path, indent):
        mod = mods[modname]
        subs = [(clean(n), c) for n, c in mod["cells"].items() if is_user(c["type"])]
        names = net_names(mod)
        node_ids = {}
        bits_of = {}
        # clocks and resets connect everything: leave them out of the edges
        quiet = set()
        for pn in ("clk_i", "rst_ni"):
            if pn in mod["netnames"]:
                quiet.update(b for b in mod["netnames"][pn]["bits"] if isinstance(b, int))
        glue_id = path_ids.get(tuple(path))
        for n, c in sorted(subs):
            counter[0] += 1
            nid = "n%d" % counter[0]
            node_ids[n] = nid
            bits = set()
            for _, conn in c["connections"].items():
                bits.update(b for b in conn if isinstance(b, int))
            bits_of[n] = bits - quiet
            child = c["type"]
            label = "%s\\n(%s)" % (n.replace("\\", ""), base_name(child))
            has_subs = any(is_user(cc["type"]) for cc in mods.get(child, {}).get("cells", {}).values())
            if has_subs:
                out.append('%ssubgraph cluster_%s {' % (indent, nid))
                out.append('%s  label="%s"; style="rounded"; color="#8899aa"; fontname="Helvetica";'
                           % (indent, label))
                out.append('%s  %s [label="%s glue", fillcolor="#ffffff", shape=note];'
                           % (indent, nid, base_name(child)))
                path_ids[tuple(path + [n])] = nid
                emit(child, path + [n], indent + "  ")
                out.append("%s}" % indent)
            else:
                out.append('%s%s [label="%s"];' % (indent, nid, label))
        # edges between siblings sharing nets; what a child shares with no
        # sibling goes to this module's own logic (the glue node)
        keys = sorted(node_ids)
        if glue_id:
            for a in keys:
                own = bits_of[a] - set().union(*[bits_of[b] for b in keys if b != a])
                if own:
                    sig = sorted({nm for bit in own for nm in names.get(bit, [])}, key=len)[:2]
                    out.append('%s%s -> %s [label="%s", style=dashed];' % (indent, node_ids[a], glue_id,
                                                                       "\\n".join(sig)))
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                shared = bits_of[a] & bits_of[b]
                if not shared:
                    continue
                sig = sorted({nm for bit in shared for nm in names.get(bit, [])}, key=len)[:2]
                out.append('%s%s -> %s [label="%s"];' % (indent, node_ids[a], node_ids[b],
                                                         "\\n".join(sig)))

    out.append('  subgraph cluster_top { label="%s"; style="rounded"; fontname="Helvetica";'
               % base_name(top[0]))
    emit(top[0], [], "    ")
    out.append("  }")
    out.append("}")
    with open(argv[1], "w") as f:
        f.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
