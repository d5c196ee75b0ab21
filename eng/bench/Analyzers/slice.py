#!/usr/bin/env python3
"""Runs two commands in alternating time slices, so that both see the same machine.

Usage: slice.py SLICE_MS COMMAND_A... -- COMMAND_B...

Both commands start at once, each in a process group of its own. Only one group runs at a time: every
SLICE_MS milliseconds the running group is stopped (SIGSTOP) and the other continued (SIGCONT); when one
finishes, the other runs to its end alone. Prints one line, "cpu_a cpu_b wall_a wall_b": the CPU seconds
(user + sys, the command and every process it waited for) of each, and the seconds from the start until it
ended. Exits with the first non-zero exit status of the two.

Why: on a shared virtual machine the speed of a core changes by 20-50 % within a minute, so two builds run
one after the other differ by more than what an analyzer adds. Interleaved at 50 ms, the two builds share
every fast and slow phase of the machine, and the difference of their CPU times is the difference of
their work.
"""
import os
import signal
import subprocess
import sys
import time


def main(argv):
    if len(argv) < 4 or "--" not in argv[2:]:
        print(__doc__, file=sys.stderr)
        return 2
    slice_seconds = float(argv[1]) / 1000
    rest = argv[2:]
    split = rest.index("--")
    commands = [rest[:split], rest[split + 1:]]
    processes = [subprocess.Popen(command, start_new_session=True) for command in commands]
    os.killpg(processes[1].pid, signal.SIGSTOP)
    start = time.monotonic()
    results = [None, None]
    running = 0
    try:
        while None in results:
            time.sleep(slice_seconds)
            for index, process in enumerate(processes):
                if results[index] is None:
                    pid, status, usage = os.wait4(process.pid, os.WNOHANG)
                    if pid:
                        results[index] = (usage.ru_utime + usage.ru_stime, time.monotonic() - start, os.waitstatus_to_exitcode(status))
            other = 1 - running
            if results[other] is None:
                if results[running] is None:
                    os.killpg(processes[running].pid, signal.SIGSTOP)
                os.killpg(processes[other].pid, signal.SIGCONT)
                running = other
            elif results[running] is None:
                os.killpg(processes[running].pid, signal.SIGCONT)
    except BaseException:
        for index, process in enumerate(processes):
            if results[index] is None:
                os.killpg(process.pid, signal.SIGKILL)
        raise
    print("%.2f %.2f %.2f %.2f" % (results[0][0], results[1][0], results[0][1], results[1][1]))
    failed = [result[2] for result in results if result[2] != 0]
    return failed[0] if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
