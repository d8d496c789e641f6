"""``python -m streams.tagging``: which implementation of the tagger is in use (compiled or pure Python)."""

from streams.tagging import IMPLEMENTATION

print(f"wirewatch tagger: {IMPLEMENTATION}")
