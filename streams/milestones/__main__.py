"""``python -m streams.milestones``: which implementation of the detector is in use (compiled or pure Python)."""

from streams.milestones import IMPLEMENTATION

print(f"wirewatch detector: {IMPLEMENTATION}")
