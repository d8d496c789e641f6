"""Where the data files that ship beside the code are: rule packs, the keyword taxonomy, samples.

``seeds/`` lives at the top of the repository. From a checkout or an editable install it is found
next to the packages; an installed wheel (e.g. the Docker image) finds it in the working directory;
``WIREWATCH_SEEDS`` overrides both.
"""

from __future__ import annotations

import os
from pathlib import Path


def seeds_dir() -> Path:
    env = os.environ.get("WIREWATCH_SEEDS")
    if env:
        return Path(env)
    beside_code = Path(__file__).resolve().parents[1] / "seeds"
    return beside_code if beside_code.is_dir() else Path.cwd() / "seeds"
