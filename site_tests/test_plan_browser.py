"""The plan checklist in headless Chromium: keyboard, rules failing and passing, saving, every export and the
import, share links, re-checking against another version, hostile input, storage that fails, print, axe."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from generator.i18n import STRINGS
from site_tests.browser import PHONE
from site_tests.test_accessibility import axe_violations

NL = STRINGS["nl"]


def open_plan(page, site_url, language: str = "nl"):  # type: ignore[no-untyped-def]
    page.goto(site_url + f"{language}/plan/")
    page.wait_for_selector("[data-gl-plan-ready]")
    return page


def key(page, data_key: str):  # type: ignore[no-untyped-def]
    return page.locator(f'[data-key="{data_key}"]')


def press_space_on(page, data_key: str) -> None:  # type: ignore[no-untyped-def]
    key(page, data_key).focus()
    page.keyboard.press("Space")


def result_text(page, core_element_title: str) -> str:  # type: ignore[no-untyped-def]
    heading = page.locator(".gl-plan-results h3", has_text=core_element_title)
    return heading.locator("xpath=following-sibling::ul[1]").inner_text()


def test_compose_by_keyboard_rule_fails_then_passes_and_is_saved(page, site_url) -> None:  # type: ignore[no-untyped-def]
    open_plan(page, site_url)
    assert f"{NL['plan_status_not_met']} (Jaar 1)" in result_text(page, "Anders werken in de praktijk")
    press_space_on(page, "menu|flexibele-consultduur")
    press_space_on(page, "choose|1|flexibele-consultduur")
    # Re-rendering keeps the keyboard focus on the control that was used.
    assert page.evaluate("document.activeElement.dataset.key") == "choose|1|flexibele-consultduur"
    assert f"{NL['plan_status_met']} (Jaar 1)" in result_text(page, "Anders werken in de praktijk")
    key(page, "name").fill("Praktijk De Linde")
    page.keyboard.press("Tab")
    page.reload()
    page.wait_for_selector("[data-gl-plan-ready]")
    assert key(page, "name").input_value() == "Praktijk De Linde"
    assert key(page, "choose|1|flexibele-consultduur").is_checked()


def test_deepening_asks_for_a_justification_and_staff_for_type_and_hours(page, site_url) -> None:  # type: ignore[no-untyped-def]
    open_plan(page, site_url)
    for _ in range(2):
        page.locator('[data-act="add-year"]').click()
    key(page, "choose|3|anders-trieren").check()
    key(page, "action|3|anders-trieren").select_option("deepen")
    whole = result_text(page, NL["plan_whole_plan"])
    assert NL["plan_reason_justification_missing"].split(":")[0] in whole
    key(page, "justification|3|anders-trieren").fill("Tweede ronde triagetraining voor nieuwe assistenten")
    assert NL["plan_reason_justified"] in result_text(page, NL["plan_whole_plan"])
    key(page, "choose|1|uitbreiding-personele-capaciteit").check()
    staff = result_text(page, "Uitbreiding van personele capaciteit")
    assert NL["plan_reason_staff_details_missing"].split(":")[0] in staff
    key(page, "staff_type|1|uitbreiding-personele-capaciteit").fill("POH-GGZ")
    key(page, "hours|1|uitbreiding-personele-capaciteit").fill("8")
    assert NL["plan_reason_staff_details"] in result_text(page, "Uitbreiding van personele capaciteit")


def test_regional_plan_menu_rules(page, site_url) -> None:  # type: ignore[no-untyped-def]
    open_plan(page, site_url)
    page.locator('[data-act="new-regioplan"]').click()
    for intervention in ("flexibele-consultduur", "anders-trieren"):
        key(page, f"menu|{intervention}").check()
    assert f"{NL['plan_status_not_met']}: 2 in het menu" in result_text(page, "Anders werken in de praktijk")
    key(page, "menu|taakherschikking").check()
    assert f"{NL['plan_status_met']}: 3 in het menu" in result_text(page, "Anders werken in de praktijk")


def test_export_each_format_and_import_it_back(page, site_url, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    open_plan(page, site_url)
    key(page, "menu|flexibele-consultduur").check()
    key(page, "choose|1|flexibele-consultduur").check()
    files = {}
    for act in ("json", "csv", "markdown"):
        with page.expect_download() as download:
            page.locator(f'[data-act="{act}"]').click()
        target = tmp_path / download.value.suggested_filename
        download.value.save_as(target)
        files[act] = target.read_text(encoding="utf-8-sig")
    plan = json.loads(files["json"])
    assert plan["format"] == "mtvp-plan" and plan["guideline_version"] == "2026-2027"
    assert plan["years"]["1"]["flexibele-consultduur"]["action"] == "implement"
    rows = list(csv.reader(io.StringIO(files["csv"])))
    assert rows[0] == NL["plan_csv_header"].split("|")
    assert rows[1][4] == "flexibele-consultduur"
    assert files["markdown"].startswith("# ")
    assert "## Jaar 1" in files["markdown"]
    before = page.locator("#gl-plan-select option").count()
    page.set_input_files("#gl-plan-import", str(tmp_path / "Mijn-praktijkplan-2026-2027.json"))
    page.wait_for_function("document.querySelector('.gl-plan-message').textContent.length > 0")
    assert page.locator("#gl-plan-select option").count() == before + 1
    assert "geïmporteerd" in page.locator(".gl-plan-message").inner_text()


def test_hostile_import_is_refused_and_changes_nothing(page, site_url, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    open_plan(page, site_url)
    before = page.evaluate("Object.entries(localStorage).filter(([k]) => k.startsWith('mtvp-plans')).map(([, v]) => v)")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({
        "format": "mtvp-plan", "format_version": 1, "kind": "praktijkplan", "guideline_version": "2026-2027",
        "name": "<img src=x onerror=window.hacked=1>", "years": {},
    }), encoding="utf-8")
    page.set_input_files("#gl-plan-import", str(bad))
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "HTML of script" in alert.inner_text()
    assert page.evaluate("window.hacked") is None
    assert page.locator(".gl-plan-app img").count() == 0
    after = page.evaluate("Object.entries(localStorage).filter(([k]) => k.startsWith('mtvp-plans')).map(([, v]) => v)")
    assert after == before


def test_share_link_opens_the_plan(page, browser, site_url) -> None:  # type: ignore[no-untyped-def]
    open_plan(page, site_url)
    key(page, "name").fill("Gedeeld plan")
    key(page, "menu|regie-op-veelgebruikers").check()
    page.locator('[data-act="share"]').click()
    link = page.locator("[data-share-link]").input_value()
    assert re.search(r"/nl/plan/#plan=[A-Za-z0-9_-]+$", link), link
    other = browser.new_context().new_page()
    other.goto(link)
    other.wait_for_selector("[data-gl-plan-ready]")
    assert other.locator('[data-key="name"]').input_value() == "Gedeeld plan"
    assert other.locator('[data-key="menu|regie-op-veelgebruikers"]').is_checked()
    assert NL["plan_message_shared"] in other.locator(".gl-plan-message").inner_text()
    other.goto(site_url + "nl/plan/#plan=bm90LWpzb24")
    other.reload()
    other.wait_for_selector("[data-gl-plan-ready]")
    assert "geen geldige JSON" in other.get_by_role("alert").inner_text()
    other.context.close()


def test_recheck_a_2025_plan_against_2026_2027(page, site_url) -> None:  # type: ignore[no-untyped-def]
    open_plan(page, site_url)
    key(page, "version").select_option("2025")
    key(page, "choose|1|laagdrempelige-eenmalige-consultatie").check()
    key(page, "choose|1|flexibele-consultduur").check()
    page.locator("#gl-plan-recheck-version").select_option("2026-2027")
    page.locator('[data-act="recheck"]').click()
    table = page.locator(".gl-plan-recheck table").inner_text()
    assert NL["plan_migrated_changed"] in table  # its title gained the 2026 footnote
    assert NL["plan_migrated_unchanged"] in table
    assert "De regels van Leidraad MTVP 2026-2027" in page.locator(".gl-plan-recheck").inner_text()


def test_storage_that_fails_still_works_and_says_so(browser, site_url) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    context.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };")
    page = context.new_page()
    open_plan(page, site_url)
    assert NL["plan_cannot_save"] in page.locator(".gl-plan-app").inner_text()
    key(page, "menu|flexibele-consultduur").check()
    key(page, "choose|1|flexibele-consultduur").check()
    assert f"{NL['plan_status_met']} (Jaar 1)" in result_text(page, "Anders werken in de praktijk")
    context.close()


def test_print_is_one_a4_page_with_version_date_and_url(page, site_url) -> None:  # type: ignore[no-untyped-def]
    open_plan(page, site_url)
    key(page, "menu|flexibele-consultduur").check()
    key(page, "choose|1|flexibele-consultduur").check()
    page.emulate_media(media="print")
    summary = page.locator(".gl-plan-print")
    assert summary.is_visible()
    assert page.locator(".gl-plan-form").is_hidden()
    text = summary.inner_text()
    assert "Leidraad MTVP 2026-2027" in text and "/nl/plan/" in text and re.search(r"\d{4}-\d{2}-\d{2}", text)
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_english_phone_instant_navigation_and_axe(browser, site_url) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "en/")
    page.locator(".md-header__button[for=__drawer]").click()
    page.locator(".md-nav--primary a[href$='plan/']").first.click()
    page.wait_for_selector("[data-gl-plan-ready]")
    assert page.locator("h1").first.inner_text().startswith(STRINGS["en"]["plan_title"])
    page.locator('[data-key="choose|1|flexibele-consultduur"]').check()
    assert axe_violations(page) == []
    context.close()
