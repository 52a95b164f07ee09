"""The cycle calendar: iCalendar file, today's place in the cycle and the next date per role (fixed dates)."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from generator.data.load import Guideline
from generator.i18n import STRINGS


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_icalendar_file_has_every_entry(built_site: Path, guideline: Guideline, public_url: str, language: str) -> None:
    raw = (built_site / language / "cyclus" / "mtvp-cyclus.ics").read_bytes()
    text = raw.decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))  # folded per RFC 5545
    lines = unfold(text)
    calendar = guideline.current.cycle.calendar
    assert len(calendar) >= 10
    assert lines.count("BEGIN:VEVENT") == len(calendar) == lines.count("END:VEVENT")
    for entry in calendar:
        assert f"UID:{entry.id}.{language}@2026-2027.mtvp" in lines
        start = entry.start.strftime("%Y%m%d")
        end = ((entry.end or entry.start) + datetime.timedelta(days=1)).strftime("%Y%m%d")
        block = text[text.index(f"UID:{entry.id}.{language}@") :]
        block = "\r\n".join(unfold(block[: block.index("END:VEVENT")]))
        assert f"DTSTART;VALUE=DATE:{start}" in block and f"DTEND;VALUE=DATE:{end}" in block
        assert f"URL:{public_url}{language}/cyclus/#{entry.id}" in block
        title = getattr(entry.title, language).replace(",", "\\,").replace(";", "\\;")
        assert f"SUMMARY:{title}" in block
    assert not re.search(r"DTSTAMP:(?!20250701T000000Z)", text)  # dated by the document, not the build


def test_inferred_dates_say_how(guideline: Guideline) -> None:
    for entry in guideline.current.cycle.calendar:
        assert entry.note is not None or not entry.inferred


@pytest.mark.parametrize(
    ("today", "marker_after", "next_practice", "next_insurer"),
    [
        (datetime.datetime(2026, 11, 23, 10), "kalender-start-groep-3-2026", "kalender-regioplan-2028", "kalender-effectmeting-2027"),
        # Two periods are under way: the marker follows the last entry that is over.
        (datetime.datetime(2027, 3, 15, 10), "kalender-start-groep-3-2026", "kalender-regioplan-2028", "kalender-effectmeting-2027"),
        (datetime.datetime(2026, 2, 1, 10), "kalender-effectmeting-2026", "kalender-start-groep-1-2026", "kalender-effectmeting-2026"),
    ],
)
def test_today_and_next_date_per_role(page, site_url, today, marker_after, next_practice, next_insurer) -> None:  # type: ignore[no-untyped-def]
    page.clock.set_fixed_time(today)
    page.goto(site_url + "nl/cyclus/")
    page.wait_for_selector("[data-gl-calendar-mounted]")
    expected_date = f"{today.day} "
    assert page.locator("[data-gl-calendar-today]").inner_text().startswith(STRINGS["nl"]["calendar_today"].split("{")[0] + expected_date)
    previous = page.evaluate("document.querySelector('.gl-today').previousElementSibling?.id")
    if today.month == 2:
        # 1 February 2026 falls inside the first impact measurement: it is under way, the marker comes after the
        # last entry that is over (the start of cohort 4).
        assert previous == "kalender-start-groep-4-2026"
        assert STRINGS["nl"]["calendar_now"] in page.locator("#kalender-effectmeting-2026").inner_text()
    else:
        assert previous == marker_after
    links = {
        row.get_attribute("data-role"): row.locator("a").get_attribute("href")
        for row in page.locator("[data-gl-next] tbody tr").all()
    }
    assert links["practice"] == f"#{next_practice}"
    assert links["insurer"] == f"#{next_insurer}"
    assert links["rho"] is not None and links["national"] is not None


def test_after_the_last_date_there_is_no_next_date(page, site_url) -> None:  # type: ignore[no-untyped-def]
    page.clock.set_fixed_time(datetime.datetime(2029, 6, 1, 10))
    page.goto(site_url + "en/cyclus/")
    page.wait_for_selector("[data-gl-calendar-mounted]")
    cells = page.locator("[data-gl-next] tbody td").all_inner_texts()
    assert cells == [STRINGS["en"]["calendar_none"]] * 4
    assert page.evaluate("document.querySelector('.gl-today').nextElementSibling") is None


def test_a_date_tomorrow_is_one_day_away_in_the_singular(page, site_url, guideline: Guideline) -> None:  # type: ignore[no-untyped-def]
    entries = [entry for entry in guideline.current.cycle.calendar if "practice" in entry.roles]
    # The day before a practice date on which no practice period is under way: that date is the next one.
    tomorrow = next(
        entry.start for entry in sorted(entries, key=lambda e: e.start)
        if not any(e.start < entry.start <= (e.end or e.start) for e in entries)
    )
    page.clock.set_fixed_time(datetime.datetime.combine(tomorrow - datetime.timedelta(days=1), datetime.time(10)))
    page.goto(site_url + "en/cyclus/")
    page.wait_for_selector("[data-gl-calendar-mounted]")
    cell = page.locator("[data-gl-next] tbody tr[data-role='practice'] td").inner_text()
    assert cell.endswith(f"; {STRINGS['en']['calendar_in_days_one']})"), cell
