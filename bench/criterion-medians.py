#!/usr/bin/env python3
"""Print criterion's median (with its median absolute deviation) for every benchmark under a group.

criterion's summary line gives the mean's confidence interval; the README and the issue notes report
medians with their spread, read from `target/criterion/<group>/<bench>/new/estimates.json`.

    python3 bench/criterion-medians.py hostile read context lint eval 'decide 22 requests'
"""
import json
import pathlib
import sys


def unit(ns: float) -> str:
    for scale, name in ((1e9, "s"), (1e6, "ms"), (1e3, "µs")):
        if ns >= scale:
            return f"{ns / scale:.3g} {name}"
    return f"{ns:.3g} ns"


def main() -> None:
    root = pathlib.Path("target/criterion")
    groups = sys.argv[1:] or sorted(p.name for p in root.iterdir() if p.is_dir())
    for group in groups:
        for estimates in sorted((root / group).glob("**/new/estimates.json")):
            bench = estimates.parent.parent.relative_to(root)
            data = json.loads(estimates.read_text())
            median = data["median"]["point_estimate"]
            mad = data["median_abs_dev"]["point_estimate"]
            print(f"| {bench} | {unit(median)} ± {unit(mad)} |")


if __name__ == "__main__":
    main()
