#!/usr/bin/env python3
# Copyright (c) 2026 corti-admin authors. Distributed under the Boost Software License, Version 1.0.
"""Turns Google Benchmark's JSON (bench/results/latest.json) into the markdown
table bench/results/latest.md, and checks the goals of issue 7.

    python3 bench/report.py latest.json latest.md

Every figure is the median of the repetitions (the `_median` aggregates; with
a single repetition, the run itself). Micro-benchmark ratios use CPU time
(the thread's own CPU time: the machine is shared, and wall-clock time there
also counts the time other processes hold the core); the roundtrip ratio uses
calls per second of wall-clock time, and so does the concurrent-create ratio
(corti-admin issue: 8 calls in flight). Exit status: 0, or 3 when a goal is
missed and BENCH_STRICT=1.
"""

import json
import os
import sys

ORDER = [
    "parse_user/corti",
    "parse_user/boost_dom",
    "parse_user/boost_null_handler",
    "parse_user/nlohmann",
    "build_create_user/corti",
    "build_create_user/nlohmann_concat",
    "roundtrip_loopback/corti_beast",
    "roundtrip_loopback/libcurl_nlohmann",
    "roundtrip_loopback/curl_cli",
    "concurrent_create/corti_beast_c8",
    "concurrent_create/libcurl_multi_c8",
    "parse_hostile/unknown_keys_1mib/corti",
    "parse_hostile/unknown_keys_1mib/boost_dom",
    "parse_hostile/long_strings_1mib/corti",
    "parse_hostile/long_strings_1mib/boost_dom",
    "parse_hostile/deep_arrays_1mib/corti",
    "parse_hostile/deep_arrays_1mib/boost_dom",
]

MEANING = {
    "parse_user/corti": "`parse_create_user_response`: status, Content-Type, size, strict syntax, schema "
                        "(duplicates, types, required fields), email/UUID/RFC 3339 checks, into `corti::admin::user`",
    "parse_user/boost_dom": "`boost::json::parse` into a `value` (default resource), no validation",
    "parse_user/boost_null_handler": "`boost::json::basic_parser` with a do-nothing handler: the floor for any "
                                     "Boost-based parser",
    "parse_user/nlohmann": "`nlohmann::json::parse`, then the fields into a plain struct (`id`, `createdAt` kept "
                           "as strings)",
    "build_create_user/corti": "`make_create_user_request`: checks every argument, percent-encodes the path, "
                               "escapes the JSON body",
    "build_create_user/nlohmann_concat": "hand-written: URL by string concatenation, body by "
                                         "`nlohmann::json::dump`, the same 5 headers in a vector of pairs; no checks",
    "roundtrip_loopback/corti_beast": "`client<beast_transport>::create_user`, fixed token, one kept-alive TLS "
                                      "connection",
    "roundtrip_loopback/libcurl_nlohmann": "one reused libcurl easy handle (kept-alive TLS), body by nlohmann, "
                                           "answer parsed by nlohmann",
    "roundtrip_loopback/curl_cli": "one `curl -s --cacert ... -X POST ... -d ...` process per call (new TLS "
                                   "handshake each time), answer parsed by nlohmann",
    "concurrent_create/corti_beast_c8": "2,000 `async_create_user` on one `client<beast_transport>` "
                                        "(`max_connections` 8), 8 in flight, one thread on the io_context; "
                                        "times per create, process CPU",
    "concurrent_create/libcurl_multi_c8": "2,000 creates through a libcurl multi handle with 8 reused easy handles "
                                          "(kept-alive TLS), nlohmann bodies and answers; times per create, "
                                          "process CPU",
}

for kind, what in (("unknown_keys", "short unknown keys, all different (repeats are looked for)"),
                   ("long_strings", "16 unknown strings of 65,000 bytes"),
                   ("deep_arrays", "arrays nested 15 deep, within the depth limit")):
    MEANING[f"parse_hostile/{kind}_1mib/corti"] = f"`parse_create_user_response` of the docs' user plus about 1 MiB of {what}"
    MEANING[f"parse_hostile/{kind}_1mib/boost_dom"] = "`boost::json::parse` of the same body"

UNIT_NS = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}


def load_rows(data):
    """name -> {'real_ns','cpu_ns','allocs','calls_per_s','cv_cpu','cv_real','iterations','error'}"""
    rows = {}
    have_aggregates = any(b.get("run_type") == "aggregate" for b in data.get("benchmarks", []))
    for b in data.get("benchmarks", []):
        name = b.get("run_name", b.get("name"))
        row = rows.setdefault(name, {})
        if b.get("error_occurred"):
            row["error"] = b.get("error_message", "error")
            continue
        agg = b.get("aggregate_name") if b.get("run_type") == "aggregate" else None
        scale = UNIT_NS.get(b.get("time_unit", "ns"), 1.0)
        if agg == "cv":
            row["cv_cpu"] = b.get("cpu_time")
            row["cv_real"] = b.get("real_time")
            continue
        if have_aggregates and agg != "median":
            continue
        # Rows timed by batches (concurrent_create/*) carry `batch`, the
        # calls per iteration: their times are shown per call.
        per = b.get("batch") or 1
        row["real_ns"] = b["real_time"] * scale / per
        row["cpu_ns"] = b["cpu_time"] * scale / per
        row["unit"] = b.get("time_unit", "ns")
        row["iterations"] = b.get("iterations")
        if "allocs" in b:
            row["allocs"] = b["allocs"]
        if "calls_per_s" in b:
            row["calls_per_s"] = b["calls_per_s"]
        if b.get("label"):
            row["label"] = b["label"]
    return rows


def fmt_time(ns):
    if ns is None:
        return "-"
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.1f} us"
    return f"{ns:.0f} ns"


def fmt_num(x, digits=1):
    if x is None:
        return "-"
    if abs(x - round(x)) < 0.005:
        return f"{round(x):,}"
    return f"{x:,.{digits}f}"


def fmt_cv(x):
    return "-" if x is None else f"{100 * x:.1f}%"


def goals(rows):
    """[(description, value text, bound text, ok or None)]"""
    def cpu(n):
        return rows.get(n, {}).get("cpu_ns")

    def ratio(a, b):
        return None if a is None or b is None or b == 0 else a / b

    out = []
    corti = cpu("parse_user/corti")
    for other, bound in (("boost_null_handler", 1.5), ("boost_dom", 0.35), ("nlohmann", 0.1)):
        r = ratio(corti, cpu("parse_user/" + other))
        out.append((f"`parse_user/corti` / `parse_user/{other}` (CPU time)", r, f"<= {bound}",
                    None if r is None else r <= bound))
    a = rows.get("parse_user/corti", {}).get("allocs")
    out.append(("`parse_user/corti` allocations per parse", a, "<= 1", None if a is None else a <= 1.0))
    r = ratio(cpu("build_create_user/corti"), cpu("build_create_user/nlohmann_concat"))
    out.append(("`build_create_user/corti` / `build_create_user/nlohmann_concat` (CPU time)", r, "<= 0.5",
                None if r is None else r <= 0.5))
    for kind in ("unknown_keys", "long_strings", "deep_arrays"):
        r = ratio(cpu(f"parse_hostile/{kind}_1mib/corti"), cpu(f"parse_hostile/{kind}_1mib/boost_dom"))
        out.append((f"`parse_hostile/{kind}_1mib/corti` / `boost_dom` (CPU time)", r, "<= 3.0",
                    None if r is None else r <= 3.0))
    r = ratio(rows.get("roundtrip_loopback/corti_beast", {}).get("calls_per_s"),
              rows.get("roundtrip_loopback/libcurl_nlohmann", {}).get("calls_per_s"))
    out.append(("`roundtrip_loopback/corti_beast` / `libcurl_nlohmann` calls per second (wall clock)", r,
                ">= 1.0", None if r is None else r >= 1.0))
    r = ratio(rows.get("concurrent_create/corti_beast_c8", {}).get("calls_per_s"),
              rows.get("concurrent_create/libcurl_multi_c8", {}).get("calls_per_s"))
    out.append(("`concurrent_create/corti_beast_c8` / `libcurl_multi_c8` creates per second (wall clock)", r,
                ">= 1.0", None if r is None else r >= 1.0))
    return out


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    src, dst = sys.argv[1], sys.argv[2]
    with open(src) as f:
        data = json.load(f)
    ctx = data.get("context", {})
    rows = load_rows(data)
    names = [n for n in ORDER if n in rows] + sorted(n for n in rows if n not in ORDER)

    caches = ", ".join(
        f"L{c.get('level')} {c.get('type', '')[:1].lower()} {c.get('size', 0) // 1024} KiB"
        + (f" x{c['num_sharing']}" if c.get("num_sharing", 0) > 1 else "")
        for c in ctx.get("caches", []))
    load = ctx.get("load_avg")
    load_txt = ", ".join(f"{x:.2f}" for x in load) if isinstance(load, list) else "-"
    lines = []
    lines.append("# corti-admin benchmarks: latest results")
    lines.append("")
    lines.append(f"- **Date:** {ctx.get('date', '-')}")
    lines.append(f"- **Machine:** {ctx.get('machine', '-')} (host `{ctx.get('host_name', '-')}`, "
                 f"{ctx.get('num_cpus', '-')} CPUs at {ctx.get('mhz_per_cpu', '-')} MHz; caches: {caches or '-'})")
    lines.append(f"- **Load average** (1, 5, 15 min) when the run started: {load_txt} on {ctx.get('num_cpus', '-')} CPUs "
                 "(the machine is shared: CPU times are the reliable figures for the micro-benchmarks)")
    lines.append(f"- **Build:** {ctx.get('compiler', '-')}, `{ctx.get('cxx_flags', '-').strip()}` "
                 f"({ctx.get('build_type', '-')}); Boost {ctx.get('boost', '-').replace('_', '.')}, "
                 f"nlohmann_json {ctx.get('nlohmann_json', '-')}, {ctx.get('openssl', '-')}, "
                 f"{ctx.get('libcurl', '-').split(' ')[0]}; Debian's Google Benchmark 1.7.1 (it reports a "
                 f"{ctx.get('library_build_type', '-')} build: the timed loop itself is inline in our -O2 code)")
    lines.append(f"- **Source:** git `{ctx.get('git', '-')}`; medians of {ctx.get('repetitions', '?')} repetitions")
    lines.append("- **Rerun:** `scripts/bench` (see [bench/README.md](../README.md))")
    lines.append("")
    lines.append("| benchmark | CPU time | wall time | allocs/op | calls/s | CV (CPU) | what it measures |")
    lines.append("|---|---:|---:|---:|---:|---:|---|")
    for n in names:
        r = rows[n]
        if "error" in r and "cpu_ns" not in r:
            lines.append(f"| `{n}` | error | | | | | {r['error']} |")
            continue
        lines.append("| `{}` | {} | {} | {} | {} | {} | {} |".format(
            n, fmt_time(r.get("cpu_ns")), fmt_time(r.get("real_ns")), fmt_num(r.get("allocs")),
            fmt_num(r.get("calls_per_s"), 0), fmt_cv(r.get("cv_cpu")), MEANING.get(n, r.get("label", ""))))
    lines.append("")
    lines.append("## Goals")
    lines.append("")
    lines.append("| goal | value | bound | result |")
    lines.append("|---|---:|---:|---|")
    results = goals(rows)
    missed = False
    print("\nGoals (medians; CPU time for the micro-benchmarks, wall-clock calls/s for the roundtrip and "
          "concurrent rows):")
    for desc, value, bound, ok in results:
        verdict = "n/a" if ok is None else ("PASS" if ok else "MISS")
        missed = missed or ok is False
        vtxt = "-" if value is None else f"{value:.3f}"
        lines.append(f"| {desc} | {vtxt} | {bound} | **{verdict}** |")
        print(f"  {verdict:4}  {desc.replace('`', '')}: {vtxt} (goal {bound})")
    lines.append("")
    lines.append("Micro-benchmark ratios use CPU time, the roundtrip and concurrent-create ratios wall-clock calls "
                 "per second. The `concurrent_create` rows time batches of 2,000 creates: their times and "
                 "allocations are per create, their CPU time the whole client process's (all its threads). "
                 "`allocs` counts calls of the global `operator new` per iteration (all threads); memory that "
                 "OpenSSL and libcurl take with `malloc`, and the `curl` child processes, are not counted.")
    lines.append("")
    with open(dst, "w") as f:
        f.write("\n".join(lines))
    print(f"\nwrote {dst}")
    if missed and os.environ.get("BENCH_STRICT") == "1":
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
