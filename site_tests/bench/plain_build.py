"""`python -m site_tests.bench.plain_build OUTPUT CONFIG [CONFIG ...]`: plain MkDocs builds of the given
configurations, one after the other in one process (as `python -m generator build --serial` builds our languages),
the n-th into `OUTPUT/<n>/`. A configuration named twice is built twice (one per language)."""

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
    output, configs = Path(sys.argv[1]), [Path(name) for name in sys.argv[2:]]
    for index, config_file in enumerate(configs):
        build_plain(config_file, output / str(index))
