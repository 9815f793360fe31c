#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""scripts/bench-geom.py - the data-cache geometry sweep (docs/performance.md,
"Choosing the cache geometry").

usage: scripts/bench-geom.py [--build DIR] [--out DIR] [--latency N]
                             [--kernels "list tree ..."] [--geometries "S/W/M ..."]
                             [--no-make] [--area | --area-cached] [--synth-srcs "..."]
                             [--synth-iflags "..."] [--fresh]

Every geometry S/W/M is a data cache of S bytes, W ways and M MSHRs
(DcacheBytes, DcacheWays, DcacheMshrs of outrider_soc). The parameters that
differ from outrider_soc's defaults (read from rtl/soc/outrider_soc.sv) make
the PARAMS of its simulator, built with `make smtsim PARAMS=...` (unless
--no-make) into build/smtsim-p-<name>; the defaults' geometry is
build/smtsim. On each geometry, one simulation at a time, at --mem-latency N:
  plain  bench_K.elf      }  --fast-forward --warm-cache <the variant's lines>:
  pex    bench_K_pex.elf  }  the data building runs on the ISS, the timed loop
                             (the region of interest) cycle by cycle
  pex_plain.elf, with and without --no-preexec, the whole run (its data
         building is part of what it measures)
and once, on the first variant, perfect (--perfect-dcache bench_K.elf: the
geometry does not matter when every access hits). The MLP bound of each kernel
and variant (scripts/mlpbound.py) comes from the plain run's region and the
perfect run.
With --area: the data cache alone (outrider_dcache with the variant's
SizeBytes/Ways/NumMshr, chparam) through yosys synth_ice40 and synth_ecp5:
LUT4, flip-flops, block RAMs (--area-cached: only those an earlier --area
run left in OUT/synth/, without running yosys).

Results of single runs are kept in OUT/runs/ and reused while the ELF and
the simulator (their sha256) are unchanged (--fresh: run again; a new
commit relinks smtsim with its version string, so its runs are repeated).
Writes OUT/geom.json and OUT/geom.md. Exit status 0, 1 if a run failed or a
checksum differs between runs of a kernel, 2 on bad usage.
"""
import argparse
import hashlib
import json
import math
import os
import re
import shlex
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mlpbound import from_stats  # noqa: E402  (the one definition of the bound)

MAX_CYCLES = 400_000_000
SOC_SV = "rtl/soc/outrider_soc.sv"
GEO_PARAMS = ("DcacheBytes", "DcacheWays", "DcacheMshrs")


def soc_defaults(path=SOC_SV):
    """outrider_soc's default data-cache parameters (its parameter list)."""
    try:
        txt = open(path).read()
    except OSError as e:
        die(f"cannot read {path}: {e}")
    out = {}
    for name in GEO_PARAMS + ("DcacheLine",):
        m = re.search(r"parameter\s+int\s+" + name + r"\s*=\s*(\d+)", txt)
        if not m:
            die(f"{path}: no default for parameter {name}")
        out[name] = int(m.group(1))
    return out


def parse_geometry(tok, defaults):
    """'16384/4/4' -> (geometry dict, PARAMS string of the non-default values)."""
    m = re.fullmatch(r"(\d+)/(\d+)/(\d+)", tok)
    if not m:
        die(f"bad geometry '{tok}' (want BYTES/WAYS/MSHRS, e.g. 16384/4/4)")
    geo = dict(defaults, **dict(zip(GEO_PARAMS, (int(v) for v in m.groups()))))
    params = " ".join(f"{n}={geo[n]}" for n in GEO_PARAMS if geo[n] != defaults[n])
    return geo, params


def die(msg, code=2):
    print(f"bench-geom.py: {msg}", file=sys.stderr)
    sys.exit(code)


def variant_name(params_str):
    """The name tb/tb.mk gives the variant's simulator (p-NAMEVALUE-...)."""
    toks = params_str.split()
    return "default" if not toks else "p-" + "-".join(t.replace("=", "") for t in toks)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def run_sim(sim, elf, extra, cache_path, fresh):
    """One smtsim run (cached); returns a dict or raises RuntimeError."""
    key = {"sim_sha256": sha256(sim), "elf_sha256": sha256(elf), "extra": extra}
    if not fresh and os.path.isfile(cache_path):
        with open(cache_path) as f:
            old = json.load(f)
        if old.get("key") == key:
            return old
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tf:
        stats_path = tf.name
    try:
        cmd = [sim, "--quiet", "--max-cycles", str(MAX_CYCLES), "--stats-json", stats_path] \
            + extra + [elf]
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} exited with {p.returncode}:\n{p.stdout}{p.stderr}")
        with open(stats_path) as f:
            stats = json.load(f)
    finally:
        os.unlink(stats_path)
    res = {"key": key, "cmd": " ".join(shlex.quote(c) for c in cmd), "stdout": p.stdout,
           "stats": stats}
    os.makedirs(os.path.dirname(cache_path), exist_ok=True)
    with open(cache_path, "w") as f:
        json.dump(res, f)
    return res


def bench_out(res, kernel):
    """checksum, timed-loop cycles of a bench_K run."""
    m_sum = re.search(r"checksum (0x[0-9a-f]{8}) ok", res["stdout"])
    m_cyc = re.search(r"cycles (\d+)", res["stdout"])
    if not m_sum or not m_cyc:
        raise RuntimeError(f"{kernel}: no checksum/cycles line in:\n{res['stdout']}")
    return m_sum.group(1), int(m_cyc.group(1))


def plain_out(res):
    """pex_plain: checksum, walk cycles."""
    m_sum = re.search(r"pex_plain: checksum (0x[0-9a-f]{8}) \(ok", res["stdout"])
    m_cyc = re.search(r"pex_plain: (\d+) cycles", res["stdout"])
    if not m_sum or not m_cyc:
        raise RuntimeError(f"pex_plain: no checksum/cycles line in:\n{res['stdout']}")
    return m_sum.group(1), int(m_cyc.group(1))


def geomean(xs):
    xs = [x for x in xs if x is not None and x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def synth_area(out, geo, srcs, iflags, fresh, cached_only=False):
    """LUT4/FF/BRAM of outrider_dcache with this geometry, per family (None
    with cached_only when a family's synthesis has not been run)."""
    res = {}
    tag = f"dcache-{geo['DcacheBytes']}-{geo['DcacheWays']}-{geo['DcacheMshrs']}"
    for fam in ("ice40", "ecp5"):
        stat = os.path.join(out, "synth", f"{tag}_{fam}.stat")
        if cached_only and not os.path.isfile(stat):
            return None
        if fresh or not os.path.isfile(stat):
            os.makedirs(os.path.dirname(stat), exist_ok=True)
            ys = os.path.join(out, "synth", f"{tag}_{fam}.ys")
            with open(ys, "w") as f:
                f.write(f"read_verilog -sv {iflags} {srcs}\n"
                        f"chparam -set SizeBytes {geo['DcacheBytes']} -set Ways {geo['DcacheWays']} "
                        f"-set NumMshr {geo['DcacheMshrs']} -set LineBytes {geo['DcacheLine']} "
                        f"outrider_dcache\n"
                        f"synth_{fam} -top outrider_dcache\n"
                        f"tee -o {stat}.tmp stat\n")
            p = subprocess.run(["yosys", "-q", "-l", ys[:-3] + ".log", ys],
                               capture_output=True, text=True)
            if p.returncode != 0:
                raise RuntimeError(f"yosys {ys} failed: see {ys[:-3]}.log")
            os.replace(stat + ".tmp", stat)
        txt = open(stat).read()

        def count(pat):
            return sum(int(n) for n in re.findall(r"^\s+(?:" + pat + r")\s+(\d+)\s*$", txt, re.M))
        if fam == "ice40":
            res[fam] = {"lut4": count("SB_LUT4"), "ff": count(r"SB_DFF\w*"),
                        "bram": count("SB_RAM40_4K")}
        else:
            res[fam] = {"lut4": count("LUT4"), "ff": count("TRELLIS_FF"),
                        "bram": count("DP16KD|PDPW16KD")}
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--out", default=None)
    ap.add_argument("--latency", type=int, default=100)
    ap.add_argument("--kernels", default="list tree hash em3d mcf spmv")
    ap.add_argument("--geometries", default="4096/2/4 16384/4/4")
    ap.add_argument("--no-make", action="store_true")
    ap.add_argument("--area", action="store_true")
    ap.add_argument("--area-cached", action="store_true",
                    help="report the area only where an earlier --area run left it")
    ap.add_argument("--synth-srcs", default="")
    ap.add_argument("--synth-iflags", default="-Irtl/include")
    ap.add_argument("--fresh", action="store_true")
    a = ap.parse_args()
    out = a.out or os.path.join(a.build, "bench-geom")
    kernels = a.kernels.split()
    defaults = soc_defaults()
    geos = [parse_geometry(t, defaults) for t in a.geometries.split()]
    if not geos:
        die("no --geometries")
    if a.latency < 0 or not kernels:
        die("need --latency >= 0 and at least one kernel")
    if a.area and not a.synth_srcs.split():
        die("--area needs --synth-srcs (make bench-geom passes the data cache's sources)")
    prog = os.path.join(a.build, "prog")
    for k in kernels:
        for s in ("", "_pex"):
            if not os.path.isfile(os.path.join(prog, f"bench_{k}{s}.elf")):
                die(f"{prog}/bench_{k}{s}.elf not found (make bench-progs)")
    pex_plain = os.path.join(prog, "pex_plain.elf")
    if not os.path.isfile(pex_plain):
        die(f"{pex_plain} not found (make sw-examples)")

    errors, records = [], []
    lat = ["--mem-latency", str(a.latency)]
    perfect = {}
    for geo, vstr in geos:
        params = vstr.split()
        name = variant_name(vstr)
        sim = os.path.join(a.build, "smtsim" if name == "default" else f"smtsim-{name}")
        if not a.no_make:
            cmd = ["make", "--no-print-directory", "smtsim"] + ([f"PARAMS={vstr}"] if params else [])
            print(f"bench-geom: {' '.join(cmd)}", file=sys.stderr)
            if subprocess.run(cmd, stdout=subprocess.DEVNULL).returncode != 0:
                errors.append(f"{name}: make smtsim failed")
                continue
        if not os.access(sim, os.X_OK):
            errors.append(f"{sim} not found (make smtsim PARAMS=\"{vstr}\")")
            continue
        lines = geo["DcacheBytes"] // geo["DcacheLine"]
        ff = ["--fast-forward", "--warm-cache", str(lines)]
        rdir = os.path.join(out, "runs", "g{DcacheBytes}-{DcacheWays}-{DcacheMshrs}".format(**geo))
        rec = {"variant": name, "params": vstr, "geometry": geo, "kernels": {}}
        try:
            for k in kernels:
                if k not in perfect:
                    r = run_sim(sim, os.path.join(prog, f"bench_{k}.elf"),
                                lat + ["--perfect-dcache", "--fast-forward"],
                                os.path.join(out, "runs", "perfect", f"{k}.json"), a.fresh)
                    perfect[k] = {"checksum": bench_out(r, k)[0], "cycles": bench_out(r, k)[1],
                                  "cmd": r["cmd"]}
                kr = {}
                for cfg, suffix in (("plain", ""), ("pex", "_pex")):
                    r = run_sim(sim, os.path.join(prog, f"bench_{k}{suffix}.elf"), lat + ff,
                                os.path.join(rdir, f"{k}{suffix}.json"), a.fresh)
                    csum, cyc = bench_out(r, k)
                    roi = r["stats"]["roi"][0] if r["stats"].get("roi") else r["stats"]
                    pre = roi.get("preexec", {})
                    kr[cfg] = {"cycles": cyc, "checksum": csum, "cmd": r["cmd"],
                               "read_accesses": roi["wishbone"]["read_accesses"],
                               "write_accesses": roi["wishbone"]["write_accesses"],
                               "main_load_misses": roi["dcache"]["threads"][0]["load_misses"],
                               "fills": pre.get("fills"), "useful_fills": pre.get("useful_fills"),
                               "useless_fills": pre.get("useless_fills"),
                               "mshr_full_stall_cycles": roi["dcache"]["mshr_full_stall_cycles"],
                               "stats_plain": r["stats"] if cfg == "plain" else None}
                    print(f"bench-geom: {name} {k} {cfg}: {cyc} cycles", file=sys.stderr)
                if len({kr["plain"]["checksum"], kr["pex"]["checksum"], perfect[k]["checksum"]}) != 1:
                    errors.append(f"{name} {k}: checksums differ")
                mb = from_stats(perfect[k]["cycles"], kr["plain"].pop("stats_plain"))
                kr["pex"].pop("stats_plain")
                kr["perfect_cycles"] = perfect[k]["cycles"]
                kr["mlp_bound"] = mb
                for cfg in ("plain", "pex"):
                    c = kr[cfg]["cycles"]
                    kr[cfg]["of_perfect"] = perfect[k]["cycles"] / c
                    kr[cfg]["of_mlp"] = mb["cycles"] / c
                kr["pex_speedup"] = kr["plain"]["cycles"] / kr["pex"]["cycles"]
                sp = kr["plain"]["cycles"] / perfect[k]["cycles"]
                kr["pex_captured"] = (kr["pex_speedup"] - 1) / (sp - 1) if sp > 1 else None
                rec["kernels"][k] = kr
            pp = {}
            for cfg, extra in (("pex", []), ("off", ["--no-preexec"])):
                r = run_sim(sim, pex_plain, lat + extra, os.path.join(rdir, f"pex_plain_{cfg}.json"),
                            a.fresh)
                csum, walk = plain_out(r)
                pre = r["stats"]["preexec"]
                pp[cfg] = {"checksum": csum, "walk_cycles": walk, "run_cycles": r["stats"]["cycles"],
                           "fills": pre["fills"], "useful_fills": pre["useful_fills"],
                           "useless_fills": pre["useless_fills"], "cmd": r["cmd"],
                           "mshr_full_stall_cycles": r["stats"]["dcache"]["mshr_full_stall_cycles"]}
                print(f"bench-geom: {name} pex_plain {cfg}: walk {walk}, run "
                      f"{r['stats']['cycles']} cycles", file=sys.stderr)
            if pp["pex"]["checksum"] != pp["off"]["checksum"]:
                errors.append(f"{name} pex_plain: checksum differs with pre-execution on and off")
            pp["walk_speedup"] = pp["off"]["walk_cycles"] / pp["pex"]["walk_cycles"]
            pp["run_speedup"] = pp["off"]["run_cycles"] / pp["pex"]["run_cycles"]
            rec["pex_plain"] = pp
        except RuntimeError as e:
            errors.append(f"{name}: {e}")
            continue
        if a.area or a.area_cached:
            try:
                rec["area"] = synth_area(out, geo, a.synth_srcs, a.synth_iflags, a.fresh,
                                         cached_only=not a.area)
            except RuntimeError as e:
                errors.append(str(e))
        records.append(rec)

    # summaries: geometric means over the kernels; plain against the first variant
    base = records[0] if records else None
    for rec in records:
        ks = rec["kernels"]
        rec["summary"] = {
            "pex_speedup": geomean([ks[k]["pex_speedup"] for k in ks]),
            "plain_vs_first": geomean([base["kernels"][k]["plain"]["cycles"] / ks[k]["plain"]["cycles"]
                                       for k in ks if k in base["kernels"]]),
            "pex_vs_first_plain": geomean([base["kernels"][k]["plain"]["cycles"] / ks[k]["pex"]["cycles"]
                                           for k in ks if k in base["kernels"]]),
            "plain_of_perfect": geomean([ks[k]["plain"]["of_perfect"] for k in ks]),
            "pex_of_perfect": geomean([ks[k]["pex"]["of_perfect"] for k in ks]),
            "plain_of_mlp": geomean([ks[k]["plain"]["of_mlp"] for k in ks]),
            "pex_of_mlp": geomean([ks[k]["pex"]["of_mlp"] for k in ks]),
            "mshr_full_stall_cycles": sum(ks[k][c]["mshr_full_stall_cycles"] for k in ks
                                          for c in ("plain", "pex"))
            + sum(rec["pex_plain"][c]["mshr_full_stall_cycles"] for c in ("pex", "off")),
        }
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "geom.json"), "w") as f:
        json.dump({"mem_latency": a.latency, "kernels": kernels, "variants": records}, f, indent=1)
        f.write("\n")
    with open(os.path.join(out, "geom.md"), "w") as f:
        write_md(f, a.latency, kernels, records)
    with open(os.path.join(out, "geom.md")) as f:
        sys.stdout.write(f.read())
    for e in errors:
        print(f"bench-geom.py: {e}", file=sys.stderr)
    print(f"bench-geom.py: wrote {out}/geom.json and {out}/geom.md", file=sys.stderr)
    sys.exit(1 if errors else 0)


def pct(v):
    return "-" if v is None else f"{round(100 * v)}%"


def x(v):
    return "-" if v is None else f"{v:.2f}x"


def write_md(f, lat, kernels, records):
    f.write(f"### Data-cache geometry at --mem-latency {lat}\n\n")
    f.write("| size | ways | MSHRs | plain vs first | pex over plain | pex vs first plain "
            "| plain / pex of perfect | plain / pex of MLP bound | pex_plain walk | pex_plain run "
            "| pex_plain fills useful/useless | MSHR-full cycles | iCE40 LUT4/FF/BRAM "
            "| ECP5 LUT4/FF/BRAM |\n")
    f.write("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
    for r in records:
        g, s, pp = r["geometry"], r["summary"], r["pex_plain"]
        area = r.get("area")
        a_i = (f"{area['ice40']['lut4']}/{area['ice40']['ff']}/{area['ice40']['bram']}"
               if area else "-")
        a_e = (f"{area['ecp5']['lut4']}/{area['ecp5']['ff']}/{area['ecp5']['bram']}"
               if area else "-")
        f.write(f"| {g['DcacheBytes'] // 1024} KiB | {g['DcacheWays']} | {g['DcacheMshrs']} "
                f"| {x(s['plain_vs_first'])} | **{x(s['pex_speedup'])}** "
                f"| {x(s['pex_vs_first_plain'])} "
                f"| {pct(s['plain_of_perfect'])} / {pct(s['pex_of_perfect'])} "
                f"| {pct(s['plain_of_mlp'])} / {pct(s['pex_of_mlp'])} "
                f"| {x(pp['walk_speedup'])} | {x(pp['run_speedup'])} "
                f"| {pp['pex']['useful_fills']}/{pp['pex']['useless_fills']} "
                f"| {s['mshr_full_stall_cycles']} | {a_i} | {a_e} |\n")
    f.write("\nPer kernel: plain cycles / pex cycles (pex speedup); the MLP bound's cycles\n\n")
    f.write("| size | ways | MSHRs | " + " | ".join(kernels) + " |\n")
    f.write("|---:|---:|---:|" + "---:|" * len(kernels) + "\n")
    for r in records:
        g = r["geometry"]
        cells = []
        for k in kernels:
            kr = r["kernels"].get(k)
            cells.append("-" if kr is None else
                         f"{kr['plain']['cycles']} / {kr['pex']['cycles']} ({x(kr['pex_speedup'])}); "
                         f"{round(kr['mlp_bound']['cycles'])}")
        f.write(f"| {g['DcacheBytes'] // 1024} KiB | {g['DcacheWays']} | {g['DcacheMshrs']} | "
                + " | ".join(cells) + " |\n")
    f.write("\nplain vs first = geometric mean of (the first row's plain cycles / this row's); "
            "pex over plain = geometric mean of the pre-execution speedup on this geometry; "
            "of perfect = perfect-cache cycles / cycles, of MLP bound = MLP-bound cycles / cycles "
            "(geometric means; scripts/mlpbound.py); kernels: the timed loop after --fast-forward "
            "with the cache warmed; pex_plain: whole run, pre-execution on against --no-preexec "
            "(walk = the walks' cycles the program prints); MSHR-full cycles: the data cache's "
            "mshr_full_stall_cycles over all these runs; area: outrider_dcache alone "
            "(yosys synth_ice40 / synth_ecp5).\n")


if __name__ == "__main__":
    main()
