"""The interface strings (generator/strings/<language>.yaml): every language has the same keys and the same
placeholders, no text is blank, and every key is used by a template, the Python code or the page scripts."""

from __future__ import annotations

import re
import string
from pathlib import Path

import yaml

from generator.i18n import STRINGS, ui
from generator.languages import DEFAULT_LANGUAGE, LANGUAGES
from site_tests.conftest import ROOT

#: Where interface strings are used: Python, page templates, theme overrides, page scripts, hand-written pages.
SOURCES = ("generator/**/*.py", "generator/**/*.j2", "overrides/**/*.html", "overrides/**/*.mjs", "content/**/*.md")


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_language_has_the_same_keys_and_placeholders() -> None:
    reference = STRINGS[DEFAULT_LANGUAGE]
    for language in LANGUAGES:
        strings = STRINGS[language]
        assert strings.keys() == reference.keys(), (
            f"{language}: missing {sorted(reference.keys() - strings.keys())}, extra {sorted(strings.keys() - reference.keys())}"
        )
        differing = [key for key in reference if _placeholders(strings[key]) != _placeholders(reference[key])]
        assert not differing, f"{language}: placeholders differ from {DEFAULT_LANGUAGE} in {differing}"
        blank = [key for key, value in strings.items() if not value.strip()]
        assert not blank, f"{language}: blank strings {blank}"


def _sources() -> str:
    files = [path for pattern in SOURCES for path in ROOT.glob(pattern) if path.name != "strings_import.py"]
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


def unused_keys(keys: list[str], source: str) -> list[str]:
    """The keys no source uses. A key is used when it is written out (`'key'`, `"key"`, `.key`), when it is the
    singular form (`x_one`) of a used key, or when the code builds it from a prefix (`f"role_{role}"`,
    `` `plan_${key}` ``, `'badge_' ~ kind`) and the rest of the key appears in the code."""
    prefixes = set(re.findall(r"""f?['"`]([a-z_]+_)(?:\{|\$\{|['"`]\s*[~+])""", source))
    suffixes = set(re.findall(r"""(?:[~+]\s*['"`]|\})(_[a-z_]+)['"`]""", source))

    def written(key: str) -> bool:
        return re.search(rf"""(['"`]){re.escape(key)}\1|\.{re.escape(key)}\b""", source) is not None

    def built(key: str) -> bool:
        return any(
            key.startswith(prefix)
            and (
                re.search(rf"\b{re.escape(key[len(prefix) :])}\b", source) is not None
                or any(key.endswith(suffix) and len(key) > len(prefix) + len(suffix) for suffix in suffixes)
            )
            for prefix in prefixes
        )

    used = {key for key in keys if written(key) or built(key)}
    used |= {key for key in keys if key.endswith("_one") and key.removesuffix("_one") in used}
    return [key for key in keys if key not in used]


def test_every_interface_string_is_used() -> None:
    unused = unused_keys(list(STRINGS[DEFAULT_LANGUAGE]), _sources())
    assert not unused, f"interface strings no template, Python module or script uses: {unused}"


def test_unused_key_detection_finds_a_key_nobody_uses() -> None:
    source = "ui('site_name'); s[`plan_${key}`]; key = 'reason_met'; f\"role_{role}\"; gl.ui.search_label; 'change_' ~ k ~ '_help'"
    keys = ["site_name", "plan_reason_met", "role_rho", "search_label", "search_label_one", "change_added_help", "never_used", "plan_gone"]
    assert unused_keys(keys, source + " rho") == ["never_used", "plan_gone"]


def test_a_count_of_one_takes_the_singular_form() -> None:
    for language in LANGUAGES:
        assert ui(language, "interventions_count", count=1) == STRINGS[language]["interventions_count_one"]
        assert ui(language, "interventions_count", count=2) == STRINGS[language]["interventions_count"].format(count=2)


def test_strings_are_data_files_one_per_language() -> None:
    for language in LANGUAGES:
        assert (Path(ROOT / "generator" / "strings") / f"{language}.yaml").is_file()


def test_keys_added_to_an_old_style_dict_are_carried_into_the_string_files(tmp_path: Path) -> None:
    from generator.strings_import import carry, read_entries

    files = {}
    for language in ("nl", "en"):
        files[language] = tmp_path / f"{language}.yaml"
        files[language].write_text(f"# header\nfirst: een {language}\nsecond: twee {language}\nthird: drie\n", encoding="utf-8")
    base = 'STRINGS = {"nl": {"first": "een nl", "second": "twee nl", "third": "drie"}, "en": {"first": "een en", "second": "twee en", "third": "drie"}}'
    new = """STRINGS: dict[str, dict[str, str]] = {
    "nl": {
        "first": "een nl",
        # My feature (issue 99)
        "added": "nieuw {count}",
        "second": "twee, anders",
    },
    "en": {
        "first": "een en",
        # My feature (issue 99)
        "added": "new {count}",
        "second": "twee en",
    },
}"""
    carry(base, new, files)
    for language, added in (("nl", "nieuw {count}"), ("en", "new {count}")):
        entries = read_entries(files[language])
        assert [entry.key for entry in entries] == ["first", "added", "second"]  # `third` was removed
        assert entries[1].value == added and entries[1].comments == ["# My feature (issue 99)"]
        assert yaml.safe_load(files[language].read_text(encoding="utf-8"))["added"] == added
    assert read_entries(files["nl"])[2].value == "twee, anders"
