#!/usr/bin/env python3
"""The surveys people write every day, one binary next to another: `check` and `build` of
every example (whole process), the two binaries interleaved run by run so that whatever else
the machine does falls on both alike. Wall and CPU (user + sys, from the kernel's rusage of
each child, microseconds) are medians of RUNS runs; the ratio is the new binary's median
over the old one's, and the quartiles show the spread. Where valgrind is installed, each work
is also counted in instructions (callgrind, one thread), which does not depend on what else
the machine runs. Issue 11's goal: every ratio ≤ 1.05.

The input is every file directly under examples/ (not examples/versions/, whose second
version of one survey an older binary refuses as a duplicate).

usage: benches/examples.py OLD_BINARY NEW_BINARY [RUNS]     (RUNS: 40 unless given)
"""

import glob
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def run(argv):
    """(wall seconds, CPU seconds) of one run of argv, its output thrown away."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"examples.py: failed: {' '.join(argv)}")
    return wall, usage.ru_utime + usage.ru_stime


def instructions(argv):
    """Instructions of one run of argv under callgrind (one thread), or None without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        env={**os.environ, "RAYON_NUM_THREADS": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    refs = re.search(r"refs:\s+([\d,]+)", done.stderr)
    return int(refs.group(1).replace(",", "")) if refs else None


def quartiles(values):
    q = statistics.quantiles(values, n=4)
    return q[0], statistics.median(values), q[2]


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    old, new = (os.path.abspath(b) for b in sys.argv[1:3])
    runs = int(sys.argv[3]) if len(sys.argv) == 4 else 40
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    examples = sorted(glob.glob(os.path.join(root, "examples", "*.rileva")))
    out = tempfile.mkdtemp(prefix="rileva-examples-")
    works = {
        "check examples/*.rileva": lambda b: [b, "check", *examples],
        "build examples/*.rileva (every target)": lambda b: [b, "build", "--out", out, *examples],
    }
    try:
        print("| work | old: wall / CPU (median) | new: wall / CPU (median) | new / old (CPU) | new / old (instructions) |")
        print("| --- | --- | --- | --- | --- |")
        for name, argv in works.items():
            times = {old: [], new: []}
            for binary in (old, new):  # one warm-up each: page cache, first page faults
                run(argv(binary))
            for i in range(runs):
                pair = (old, new) if i % 2 == 0 else (new, old)
                for binary in pair:
                    times[binary].append(run(argv(binary)))
            cells = []
            cpu = {}
            for binary in (old, new):
                walls = [w for w, _ in times[binary]]
                cpus = [c for _, c in times[binary]]
                cpu[binary] = quartiles(cpus)
                cells.append(
                    f"{statistics.median(walls) * 1e3:.1f} ms / {cpu[binary][1] * 1e3:.1f} ms"
                )
            lo, mid, hi = cpu[old]
            nlo, nmid, nhi = cpu[new]
            ratio = f"{nmid / mid:.2f} (quartiles {nlo * 1e3:.1f}-{nhi * 1e3:.1f} vs {lo * 1e3:.1f}-{hi * 1e3:.1f} ms)"
            counts = [instructions(argv(binary)) for binary in (old, new)]
            counted = (
                f"{counts[1] / counts[0]:.2f} ({counts[0] / 1e6:.1f} M → {counts[1] / 1e6:.1f} M)"
                if None not in counts
                else "(no valgrind)"
            )
            print(f"| {name} | {cells[0]} | {cells[1]} | {ratio} | {counted} |")
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
