"""`python -m site_tests.bench.plain_build CONFIG OUTPUT`: the plain Material site built twice (as one per
language), one after the other in one process, as `python -m generator build --serial` builds ours."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def build_plain(config_file: Path, site_dir: Path) -> None:
    config = load_config(str(config_file), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


if __name__ == "__main__":
    config_file, output = Path(sys.argv[1]), Path(sys.argv[2])
    for language in ("nl", "en"):
        build_plain(config_file, output / language)
