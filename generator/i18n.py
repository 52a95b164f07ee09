"""The interface strings of the site, loaded from one data file per language (`generator/strings/<code>.yaml`).

Guideline text never lives there: only the words of the site itself (headings the site adds, labels, notices,
month names). Which languages exist and where their files are comes from `generator.languages`. Tests check that
every language has the same keys and placeholders, and that every key is used (site_tests/test_strings.py).
To carry keys from an old-style dict into the files, see `generator/strings_import.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import yaml

from generator.data.yaml_source import LOADER
from generator.languages import LANGUAGE_NAMES, LANGUAGES, Language, info

if TYPE_CHECKING:
    from generator.data.models import Text

__all__ = ["LANGUAGES", "LANGUAGE_NAMES", "STRINGS", "Language", "month_names", "ui", "words"]


def read_strings(language: Language) -> dict[str, str]:
    """One language's strings, refused with the file's name unless it is a mapping of keys to texts."""
    path = info(language).strings
    try:
        # The data's fast safe loader: every build and every `python -m generator` starts by reading these files.
        strings = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: cannot read the interface strings of `{language}`: {exc}") from None
    if not isinstance(strings, dict):
        raise TypeError(f"{path}: expected a mapping of keys to texts")
    wrong = [key for key, value in strings.items() if not isinstance(key, str) or not isinstance(value, str)]
    if wrong:
        raise TypeError(f"{path}: {', '.join(map(str, wrong))}: expected a text (quote numbers and yes/no)")
    return strings


STRINGS: dict[Language, dict[str, str]] = {language: read_strings(language) for language in LANGUAGES}


def ui(language: str, key: str, **values: object) -> str:
    """The interface string `key` in `language`, with `{placeholders}` filled in.

    With `count=1`, the key's singular form `<key>_one` is used where the language has one ("1 interventie").
    """
    strings = STRINGS[language]
    if values.get("count") == 1 and f"{key}_one" in strings:
        key = f"{key}_one"
    return strings[key].format(**values)


def month_names(language: str) -> list[str]:
    """The names of the months, January first (`month_1` … `month_12` of the language's strings)."""
    return [STRINGS[language][f"month_{number}"] for number in range(1, 13)]


def words(text: Text, language: str) -> str:
    """A guideline text in `language`; for a text a reconstructed version does not know (the data marks it
    `unknown` and holds no words for it), the site's statement saying so."""
    return ui(language, "text_unknown") if text.unknown else text.get(language)
