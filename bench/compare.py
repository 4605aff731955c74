#!/usr/bin/env python3
"""Whole-process, paired comparison of Native AOT egressctl against its floors (docs/performance.md).

Publishes egressctl, the YamlDotNet floor (bench/EgressInfra.Floor) and an empty console app, all
Native AOT with the same SDK; generates the benchmark stacks; then runs each row's two commands
interleaved (the order alternates every pair, after one unmeasured warm-up each) and prints a Markdown
table of medians: wall time, CPU time (user + system of the child) and peak RSS, with the ratios and the
load average before and after each row.

    python3 bench/compare.py                       # every row
    python3 bench/compare.py --rows check10k,diff  # rows whose name starts with one of these
    python3 bench/compare.py --no-publish          # reuse the binaries in --out

Nothing here is run by CI.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

EMPTY_PROJECT = """<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <PublishAot>true</PublishAot>
    <InvariantGlobalization>true</InvariantGlobalization>
  </PropertyGroup>
</Project>
"""


def publish(project, out):
    subprocess.run(["dotnet", "publish", project, "-c", "Release", "-r", "linux-x64", "-o", out],
                   check=True, stdout=subprocess.DEVNULL)


def publish_all(out):
    publish(os.path.join(ROOT, "infra/EgressInfra.Cli"), os.path.join(out, "egressctl"))
    publish(os.path.join(ROOT, "bench/EgressInfra.Floor"), os.path.join(out, "floor"))
    empty = os.path.join(out, "empty-src")
    os.makedirs(empty, exist_ok=True)
    with open(os.path.join(empty, "empty.csproj"), "w") as f:
        f.write(EMPTY_PROJECT)
    with open(os.path.join(empty, "Program.cs"), "w") as f:
        f.write("return 0;\n")
    publish(empty, os.path.join(out, "empty"))


def generate(out, name, services, namespaces=20, changed_every=0):
    path = os.path.join(out, name)
    if not os.path.exists(path):
        subprocess.run([os.path.join(out, "floor/egress-floor"), "--generate", str(services), path,
                        "--namespaces", str(namespaces), "--changed-every", str(changed_every)], check=True)
    return path


def run_once(argv, cwd):
    """Runs argv with its output discarded; returns (wall s, CPU s, peak RSS KB, exit code)."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        child = subprocess.Popen(argv, cwd=cwd, stdout=null, stderr=null)
        _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def paired(tool, floor, pairs, cwd, ok_codes):
    for argv in (tool, floor):  # warm the page cache and the binaries
        run_once(argv, cwd)
    samples = {"tool": [], "floor": []}
    for i in range(pairs):
        order = [("tool", tool), ("floor", floor)] if i % 2 == 0 else [("floor", floor), ("tool", tool)]
        for label, argv in order:
            wall, cpu, rss, code = run_once(argv, cwd)
            if code not in ok_codes[label]:
                sys.exit(f"{' '.join(argv)} exited {code}")
            samples[label].append((wall, cpu, rss))
    return {label: tuple(statistics.median(s[k] for s in runs) for k in range(3)) for label, runs in samples.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="/tmp/egress-bench")
    parser.add_argument("--pairs", type=int, default=9, help="pairs per row for the large stacks")
    parser.add_argument("--rows", default="", help="comma-separated row name prefixes")
    parser.add_argument("--no-publish", action="store_true")
    args = parser.parse_args()
    out = args.out
    os.makedirs(out, exist_ok=True)
    if not args.no_publish:
        publish_all(out)

    ctl = os.path.join(out, "egressctl/egressctl")
    floor = os.path.join(out, "floor/egress-floor")
    empty = os.path.join(out, "empty/empty")
    s100 = generate(out, "s100.yaml", 100)
    s10k = generate(out, "s10k.yaml", 10_000)
    s10k_new = generate(out, "s10k-new.yaml", 10_000, changed_every=100)
    s100k = generate(out, "s100k.yaml", 100_000)
    w10k = generate(out, "s10k-ns200.yaml", 10_000, namespaces=200)
    w10k_new = generate(out, "s10k-ns200-new.yaml", 10_000, namespaces=200, changed_every=100)

    # name, services, tool argv, floor argv, pairs, exit codes accepted for the tool
    rows = [
        ("coldstart", None, [ctl, "check", "--stack", "prod"], [empty], 40, {0}),
        ("check100", 100, [ctl, "check", "--file", s100], [floor, s100], 40, {0}),
        ("check10k", 10_000, [ctl, "check", "--file", s10k], [floor, s10k], args.pairs, {0}),
        ("check10k-ns200", 10_000, [ctl, "check", "--file", w10k], [floor, w10k], args.pairs, {0}),
        ("check100k", 100_000, [ctl, "check", "--file", s100k], [floor, s100k], max(3, args.pairs // 3), {0}),
        ("render10k", 10_000, [ctl, "render", "--file", s10k], [floor, s10k], args.pairs, {0}),
        ("diff10k", 10_000, [ctl, "diff", "--file", s10k, "--file", s10k_new], [floor, s10k, s10k_new], args.pairs, {0, 1}),
        ("diff10k-ns200", 10_000, [ctl, "diff", "--file", w10k, "--file", w10k_new], [floor, w10k, w10k_new], args.pairs, {0, 1}),
    ]
    wanted = [p for p in args.rows.split(",") if p]
    print(f"egressctl vs floor, Native AOT, medians of interleaved pairs; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores")
    print()
    print("| row | pairs | egressctl wall / CPU / peak RSS | floor wall / CPU / peak RSS | ratio wall | ratio CPU | RSS per service (egressctl, floor) | load before → after |")
    print("| --- | ---: | --- | --- | ---: | ---: | --- | --- |")
    for name, services, tool, base, pairs, codes in rows:
        if wanted and not any(name.startswith(p) for p in wanted):
            continue
        before = os.getloadavg()[0]
        m = paired(tool, base, pairs, ROOT, {"tool": codes, "floor": {0}})
        after = os.getloadavg()[0]
        (tw, tc, tr), (fw, fc, fr) = m["tool"], m["floor"]
        per_service = f"{tr / services:.1f} KB, {fr / services:.1f} KB" if services else ""
        print(f"| {name} | {pairs} | {tw * 1000:.1f} ms / {tc * 1000:.1f} ms / {tr / 1024:.1f} MB "
              f"| {fw * 1000:.1f} ms / {fc * 1000:.1f} ms / {fr / 1024:.1f} MB "
              f"| {tw / fw:.2f} × | {(tc / fc if fc else float('nan')):.2f} × | {per_service} | {before:.2f} → {after:.2f} |", flush=True)


if __name__ == "__main__":
    main()
