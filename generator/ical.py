"""The dates of the cycle as an iCalendar file (RFC 5545), so practices, RHOs and insurers can subscribe to them.

All-day events, one per calendar entry of the current version, in the site's language. The output is the same for
every build of the same data: the time stamp is the version's document date, not the build time, and the UIDs
are the entries' stable ids with the language.
"""

from __future__ import annotations

import datetime

from generator.data import models as m
from generator.data.load import GuidelineVersion
from generator.i18n import Language, ui, words

PRODUCT_ID = "-//MTVP guideline site//Cycle calendar//NL"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued with a space (RFC 5545 §3.1), never splitting a character."""
    out: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return "\r\n ".join(out)


def _date(day: datetime.date) -> str:
    return day.strftime("%Y%m%d")


def _text(value: m.Text | None, language: Language) -> str:
    if value is None:
        return ""
    return words(value, language)


def calendar_file(version: GuidelineVersion, language: Language, page_url: str) -> str:
    """The iCalendar text of a version's cycle calendar; `page_url` is the absolute URL of the cycle page
    ("" in a build without a public URL: then the events carry no URL)."""
    stamp = (version.meta.document_date or version.meta.valid_from).strftime("%Y%m%dT000000Z")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(ui(language, 'calendar_name', version=_text(version.meta.label, language)))}",
    ]
    for entry in version.cycle.calendar:
        roles = ", ".join(ui(language, f"role_{role.value}") for role in entry.roles)
        description = f"{ui(language, 'calendar_roles')}: {roles}"
        if entry.note is not None:
            description += f"\n{_text(entry.note, language)}"
        end = (entry.end or entry.start) + datetime.timedelta(days=1)  # DTEND of an all-day event is exclusive
        lines += [
            "BEGIN:VEVENT",
            # One UID per entry and language: a client subscribed to both calendars keeps both (RFC 5545 §3.8.4.7).
            f"UID:{entry.id}.{language}@{version.id}.mtvp",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{_date(entry.start)}",
            f"DTEND;VALUE=DATE:{_date(end)}",
            f"SUMMARY:{_escape(_text(entry.title, language))}",
            f"DESCRIPTION:{_escape(description)}",
            "CATEGORIES:" + ",".join(_escape(ui(language, f"role_{role.value}")) for role in entry.roles),
            *([f"URL:{page_url}#{entry.id}"] if page_url else []),  # no public address, no URL
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
