"""The site's languages, from one configuration file (`generator/languages.yaml`, or the file `MTVP_LANGUAGES` names).

Everything that differs per language asks here: which languages exist and in which order, the default (the
authoritative text), each language's own name, its locales and where its interface strings are. No other module
names a language code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

#: The configuration read when MTVP_LANGUAGES names no other file.
CONFIG_FILE = Path(__file__).parent / "languages.yaml"
#: Environment variable naming another configuration file (tests build a third language with it).
CONFIG_VARIABLE = "MTVP_LANGUAGES"

#: A language code (`nl`, `en`): one of LANGUAGES.
Language = str


@dataclass(frozen=True)
class LanguageInfo:
    code: str
    #: The language's own name, for the language switch and the root page ("Nederlands").
    name: str
    #: Its English name, for messages to maintainers ("missing the Dutch text").
    english_name: str
    #: For `og:locale` (`nl_NL`).
    locale: str
    #: The BCP 47 tag the browser formats dates with (`nl-NL`).
    date_locale: str
    #: The file with the language's interface strings.
    strings: Path


class LanguageConfigError(ValueError):
    """The language configuration is unreadable or incomplete."""


FIELDS = ("code", "name", "english_name", "locale", "date_locale", "strings")


def read_config(path: Path) -> tuple[str, tuple[LanguageInfo, ...]]:
    """The default language and the languages of the configuration file `path`, checked."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LanguageConfigError(f"{path}: cannot read the language configuration: {exc}") from None
    if not isinstance(raw, dict) or set(raw) != {"default", "languages"} or not isinstance(raw["languages"], list):
        raise LanguageConfigError(f"{path}: expected the keys `default` and `languages` (a list), got {raw!r}")
    found = []
    for index, entry in enumerate(raw["languages"]):
        if not isinstance(entry, dict) or set(entry) != set(FIELDS) or not all(isinstance(v, str) for v in entry.values()):
            raise LanguageConfigError(
                f"{path}: languages[{index}]: expected the text keys {', '.join(FIELDS)}, got {entry!r}"
            )
        found.append(LanguageInfo(**{**entry, "strings": (path.parent / entry["strings"]).resolve()}))
    codes = [language.code for language in found]
    if not codes or len(set(codes)) != len(codes):
        raise LanguageConfigError(f"{path}: languages: expected at least one language, each code once; got {codes}")
    if raw["default"] not in codes:
        raise LanguageConfigError(f"{path}: default: `{raw['default']}` is not one of the languages {codes}")
    return raw["default"], tuple(found)


DEFAULT_LANGUAGE, _INFO = read_config(Path(os.environ.get(CONFIG_VARIABLE) or CONFIG_FILE))

#: Every language code, in the configured order.
LANGUAGES: tuple[Language, ...] = tuple(language.code for language in _INFO)
#: The languages other than the default (translations of the authoritative text).
TRANSLATIONS: tuple[Language, ...] = tuple(code for code in LANGUAGES if code != DEFAULT_LANGUAGE)
#: Each language's own name.
LANGUAGE_NAMES: dict[Language, str] = {language.code: language.name for language in _INFO}


def info(code: Language) -> LanguageInfo:
    """The configuration of one language."""
    for language in _INFO:
        if language.code == code:
            return language
    raise KeyError(f"unknown language `{code}`; the configured languages are {', '.join(LANGUAGES)}")


def listed(codes: tuple[str, ...] = LANGUAGES) -> str:
    """The codes as maintainers read them in messages: "`nl` and `en`", "`nl`, `en` and `de`"."""
    quoted = [f"`{code}`" for code in codes]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
