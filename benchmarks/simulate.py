"""Speed of the Monte Carlo: 10,000 runs over 1,000 developments (target: under 2 s).

python benchmarks/simulate.py [--runs 10000] [--developments 1000]
"""

from __future__ import annotations

import argparse
import random
import time

from scenariodesk.developments import Development
from scenariodesk.lens import load_lens
from scenariodesk.simulate import simulate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--developments", type=int, default=1_000)
    args = parser.parse_args()
    lens = load_lens()
    rng = random.Random(42)
    outcomes = ["trump", "harris", "any"]
    devs = [
        Development(
            f"d{i}",
            rng.choice(outcomes),
            f"development {i}",
            tuple(rng.sample(lens.domain_ids, rng.randint(1, 3))),
            round(rng.uniform(0.05, 0.95), 3),
            rng.choice([-1.0, -0.5, 0.0, 0.5, 1.0]),
            "0",
            (i,),
            ("s",),
            (),
            (),
            i,
        )
        for i in range(args.developments)
    ]
    for sensitivity in (False, True):
        start = time.perf_counter()
        simulate(
            devs,
            lens.domain_ids,
            {"trump": 0.55, "harris": 0.45},
            runs=args.runs,
            seed=1,
            sensitivity=sensitivity,
        )
        elapsed = time.perf_counter() - start
        what = "with sensitivity (3 simulations)" if sensitivity else "one simulation"
        print(f"{args.runs:,} runs x {args.developments:,} developments, {what}: {elapsed:.2f} s")


if __name__ == "__main__":
    main()
