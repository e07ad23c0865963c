#!/usr/bin/python3
"""Writes inputs too large to keep in the repository into DIR: a 100,000-deep nested sequence,
a 40 MB file and 4 KiB of seeded random bytes."""
import os
import random
import sys

directory = sys.argv[1]
os.makedirs(directory, exist_ok=True)
with open(os.path.join(directory, "deep.yaml"), "w") as out:
    out.write("[" * 100000 + "]" * 100000 + "\n")
with open(os.path.join(directory, "big.yaml"), "w") as out:
    line = "# " + "x" * 1021 + "\n"
    out.write(line * (40 * 1024))
generator = random.Random(7)
with open(os.path.join(directory, "random.yaml"), "wb") as out:
    out.write(bytes(generator.getrandbits(8) for _ in range(4096)))
