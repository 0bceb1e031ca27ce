"""What every benchmark shares: a median of several runs, and one line per figure."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def median_time(work: Callable[[], Any], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def report(name: str, ours: float, bare: float) -> None:
    """Our median, the bare library's, and the ratio between them."""
    print(f"{name:<44} {ours * 1000:>10.1f} ms {bare * 1000:>10.1f} ms {ours / bare:>7.2f}x",
          flush=True)
