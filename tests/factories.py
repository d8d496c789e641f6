"""Generated wire articles (our own templates), for integration tests and load runs.

Deterministic for a given seed: the same call gives the same articles and so the same ids.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator

CITIES = ["Aleppo", "Mosul", "Homs", "Kirkuk", "Tikrit", "Fallujah", "Ramadi", "Idlib", "Sirte", "Benghazi",
          "Mariupol", "Bakhmut", "Kharkiv", "Donetsk", "Goma", "Mogadishu", "Timbuktu", "Aden", "Hodeidah", "Taiz"]
OUTLETS = ["Example Wire", "Desert Dispatch", "Harbour Times", "River News", "Capital Bulletin"]
NEUTRAL = [
    "The city council of {city} approved a new budget for road repairs on {day}.",
    "Traders in {city} said prices for flour and fuel rose again this week.",
    "A football match in {city} drew a large crowd on {day}, officials said.",
    "Schools in {city} reopened after the holiday, the education ministry said.",
]
BREACH = "Government forces breached the defensive wall of {city} on {day}, military officials said."
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def generated_articles(n: int, *, seed: int = 7, breach_every: int = 50) -> Iterator[dict[str, str]]:
    """``n`` JSON records ``{"id", "text", "source"}``; every ``breach_every``-th reports a city breach."""
    rnd = random.Random(seed)
    for i in range(n):
        city, day = rnd.choice(CITIES), rnd.choice(DAYS)
        lines = [rnd.choice(NEUTRAL).format(city=city, day=day) for _ in range(rnd.randint(3, 8))]
        if breach_every and i % breach_every == 0:
            lines.insert(1, BREACH.format(city=city, day=day))
        headline = f"News from {city} #{i}"
        text = f"{headline}\n\n{city.lower()} - " + "\n".join(lines)
        yield {"id": f"gen-{seed}-{i:06d}", "text": text, "source": rnd.choice(OUTLETS)}


def write_jsonl(path: str, records: Iterator[dict[str, str]]) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")
            n += 1
    return n
