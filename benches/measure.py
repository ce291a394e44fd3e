"""Time a command as benches/scale.sh reports it: RUNS runs, its output thrown away; prints
the median wall time (to the millisecond), the median CPU time (user + sys) and the largest
resident peak, from the process's own rusage (os.wait4), with no shell or timer in between.

usage: measure.py [--fresh DIR] RUNS COMMAND [ARGS...]
  --fresh DIR: DIR is removed before each run, outside the time (a build into an empty folder)
"""

import os
import shutil
import statistics
import subprocess
import sys
import time


def main() -> int:
    args = sys.argv[1:]
    fresh = None
    if args[:1] == ["--fresh"]:
        fresh, args = args[1], args[2:]
    runs = int(args[0])
    command = args[1:]
    walls, cpus, peaks = [], [], []
    for _ in range(runs):
        if fresh is not None:
            shutil.rmtree(fresh, ignore_errors=True)
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        walls.append(time.perf_counter() - start)
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            print(f"failed ({child.returncode}): {' '.join(command)}", file=sys.stderr)
            return 1
        cpus.append(usage.ru_utime + usage.ru_stime)
        peaks.append(usage.ru_maxrss)  # KiB on Linux
    # The lower median, as the script's earlier `sort | sed` took it.
    wall = statistics.median_low(walls)
    cpu = statistics.median_low(cpus)
    print(f"{wall:.3f} s | {cpu:.2f} s | {max(peaks) / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
