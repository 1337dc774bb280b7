"""Run a command; write its own wall time, CPU time, peak memory and exit code as JSON.

Usage: python bench/launch.py REPORT.json COMMAND...

Linux carries a process's peak memory (ru_maxrss) across fork and exec, so a child
started straight from the bench, which holds a large record in memory, could report
the bench's peak instead of its own. Started from this small launcher it reports its
own (or the launcher's few MiB, whichever is larger).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def main() -> int:
    report, command = Path(sys.argv[1]), sys.argv[2:]
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.execvp(command[0], command)
    _pid, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    report.write_text(
        json.dumps(
            {
                "seconds": seconds,
                "ru_maxrss": usage.ru_maxrss,
                # what the child itself computed: less moved by other programs than seconds
                "cpu_seconds": usage.ru_utime + usage.ru_stime,
                "exit_code": os.waitstatus_to_exitcode(status),
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
