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


def test_deepening_asks_for_a_justification_and_staff_for_type_and_hours(page, site_url, guideline) -> None:  # type: ignore[no-untyped-def]
    open_plan(page, site_url)
    for _ in range(2):
        page.locator('[data-act="add-year"]').click()
    # Deepening is offered only for an intervention chosen in an earlier year.
    key(page, "choose|3|flexibele-consultduur").check()
    assert key(page, "action|3|flexibele-consultduur").locator("option[value=deepen]").count() == 0
    key(page, "choose|1|flexibele-consultduur").check()
    key(page, "action|3|flexibele-consultduur").select_option("deepen")
    whole = result_text(page, NL["plan_whole_plan"])
    assert NL["plan_reason_justification_missing"].split(":")[0] in whole
    key(page, "justification|3|flexibele-consultduur").fill("Fast-track spreekuur uitbreiden naar de avond")
    assert NL["plan_reason_justified"] in result_text(page, NL["plan_whole_plan"])
    key(page, "choose|1|uitbreiding-personele-capaciteit").check()
    current = guideline.current
    [staff] = [i for i in current.interventions.interventions if i.id == "uitbreiding-personele-capaciteit"]
    staff_element = current.core_element(staff.core_element).title.nl
    staff = result_text(page, staff_element)
    assert NL["plan_reason_staff_details_missing"].split(":")[0] in staff
    key(page, "justification|1|uitbreiding-personele-capaciteit").fill("Extra ondersteuning = 4 uur per week")
    key(page, "staff_type|1|uitbreiding-personele-capaciteit").fill("POH <GGZ>")
    key(page, "hours|1|uitbreiding-personele-capaciteit").fill("8")
    assert NL["plan_reason_staff_details"] in result_text(page, staff_element)
    # Out-of-range hours: a visible message, the last valid value kept.
    key(page, "hours|1|uitbreiding-personele-capaciteit").fill("900")
    assert "0 tot 200" in page.locator("#gl-plan-hours-1-uitbreiding-personele-capaciteit-error").inner_text()
    page.reload()
    page.wait_for_selector("[data-gl-plan-ready]")
    assert key(page, "hours|1|uitbreiding-personele-capaciteit").input_value() == "8"
    assert key(page, "staff_type|1|uitbreiding-personele-capaciteit").input_value() == "POH <GGZ>"


def test_regional_plan_menu_rules(page, site_url) -> None:  # type: ignore[no-untyped-def]
    open_plan(page, site_url)
    page.locator('[data-act="new-regioplan"]').click()
    for intervention in ("flexibele-consultduur", "anders-trieren"):
        key(page, f"menu|{intervention}").check()
    assert f"{NL['plan_status_not_met']}: 2 in het menu" in result_text(page, "Anders werken in de praktijk")
    key(page, "menu|taakherschikking").check()
    assert f"{NL['plan_status_met']}: 3 in het menu" in result_text(page, "Anders werken in de praktijk")
    # The year-2 network choice, an own intervention with the insurer's agreement, a justified deepening.
    network = "Samenwerken met het netwerk"
    for intervention in ("samenwerking-wijkteam", "mdo-casuistiektafel"):
        key(page, f"menu|{intervention}").check()
    key(page, "year2|samenwerking-wijkteam").check()
    assert f"{NL['plan_status_not_met']} (Jaar 2)" in result_text(page, network)
    page.locator('[data-act="add-custom"]').click()
    key(page, "custom-title|eigen-1").fill("Wijkspreekuur <met> R&D")
    key(page, "custom-element|eigen-1").select_option("samenwerken-met-het-netwerk")
    key(page, "custom-inline|eigen-1").select_option("samenwerking-wijkteam")
    whole = result_text(page, NL["plan_whole_plan"])
    assert "Wijkspreekuur <met> R&D" in whole and NL["plan_custom_missing_insurer_agreement"] in whole
    key(page, "custom-agreement|eigen-1").check()
    key(page, "year2|eigen-1").check()
    assert f"{NL['plan_status_met']} (Jaar 2)" in result_text(page, network)
    key(page, "deepening|flexibele-consultduur").check()
    assert NL["plan_reason_regio_justification_missing"].split(":")[0] in result_text(page, NL["plan_whole_plan"])
    key(page, "deepening-justification|flexibele-consultduur").fill("Avondspreekuur")
    assert NL["plan_reason_regio_justified"] in result_text(page, NL["plan_whole_plan"])
    # Every result quotes its sentence with a page.
    assert page.locator(".gl-plan-result").count() == page.locator(".gl-plan-result .gl-plan-cite q").count()


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
    assert any(row[4] == "flexibele-consultduur" for row in rows[1:])
    # The report holds every verdict with the sentence it rests on, and the minimum hurdle.
    assert any(NL["plan_status_not_met"] == row[6] and "pagina" in row[7] for row in rows[1:]), rows
    assert sum(row[6].startswith(NL["plan_hurdle"]) for row in rows[1:]) == 3
    assert files["markdown"].startswith("# ")
    assert "## Jaar 1" in files["markdown"] and f"## {NL['plan_hurdle']}" in files["markdown"]
    before = page.locator("#gl-plan-select option").count()
    page.set_input_files("#gl-plan-import", str(tmp_path / "Mijn-praktijkplan-2026-2027.json"))
    page.wait_for_function("document.querySelector('.gl-plan-message').textContent.length > 0")
    assert page.locator("#gl-plan-select option").count() == before + 1
    assert "geïmporteerd" in page.locator(".gl-plan-message").inner_text()


def stored(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.evaluate("Object.entries(localStorage).filter(([k]) => k.startsWith('mtvp-plans')).map(([, v]) => v)")


def test_malformed_import_is_refused_and_changes_nothing(page, site_url, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    open_plan(page, site_url)
    before = stored(page)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "mtvp-plan", "format_version": 2, "kind": "praktijkplan", "guideline_version": "2099"}), encoding="utf-8")
    page.set_input_files("#gl-plan-import", str(bad))
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "2099" in alert.inner_text() and "niets veranderd" in alert.inner_text()
    assert stored(page) == before


PAYLOADS = ["<img src=x onerror=window.hacked=1>", "</textarea><script>window.hacked=2</script>", "R&D onderzoek=ja"]


def test_hostile_text_is_shown_literally_and_runs_nothing(page, site_url, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    open_plan(page, site_url)
    name, justification, staff = PAYLOADS
    plan = {
        "format": "mtvp-plan", "format_version": 2, "kind": "praktijkplan", "guideline_version": "2026-2027", "name": name,
        "notes": justification, "menu": ["flexibele-consultduur"],
        "years": {"1": {"flexibele-consultduur": {"action": "implement", "caregivers": [name]},
                        "uitbreiding-personele-capaciteit": {"action": "implement", "justification": justification, "staff_type": staff, "hours": 4}}},
    }
    upload = tmp_path / "plan.json"
    upload.write_text(json.dumps(plan), encoding="utf-8")
    page.set_input_files("#gl-plan-import", str(upload))
    page.wait_for_function("document.querySelector('.gl-plan-message').textContent.includes('geïmporteerd')")
    assert key(page, "name").input_value() == name
    assert key(page, "justification|1|uitbreiding-personele-capaciteit").input_value() == justification
    page.emulate_media(media="print")
    printed = page.locator(".gl-plan-print").inner_text()
    assert name in printed and justification in printed and staff in printed
    page.emulate_media(media="screen")
    page.locator('[data-act="share"]').click()
    link = page.locator("[data-share-link]").input_value()
    page.goto(link)
    page.wait_for_selector("[data-gl-plan-ready]")
    assert key(page, "name").input_value() == name
    assert page.evaluate("window.hacked") is None
    assert page.locator(".gl-plan-app img, .gl-plan-app script").count() == 0


def test_share_link_opens_the_plan_until_saved_and_a_reload_does_not_duplicate_it(page, browser, site_url) -> None:  # type: ignore[no-untyped-def]
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
    assert "Gedeeld plan" not in " ".join(stored(other)), "a share link is not saved before the user says so"
    other.locator('[data-act="shared-save"]').click()
    assert NL["plan_message_shared_saved"] in other.locator(".gl-plan-message").inner_text()
    assert "#plan=" not in other.url
    other.reload()
    other.wait_for_selector("[data-gl-plan-ready]")
    names = other.locator("#gl-plan-select option").all_inner_texts()
    assert sum("Gedeeld plan" in n for n in names) == 1, names
    other.goto(link)
    other.wait_for_selector("[data-gl-plan-ready]")
    other.locator('[data-act="shared-save"]').click()
    assert NL["plan_message_shared_exists"] in other.locator(".gl-plan-message").inner_text()
    other.goto(site_url + "nl/plan/#plan=bm90LWpzb24")
    other.reload()
    other.wait_for_selector("[data-gl-plan-ready]")
    assert "geen geldige JSON" in other.get_by_role("alert").inner_text()
    other.context.close()


def test_plans_are_the_same_in_dutch_and_english_and_earlier_keys_are_brought_over(browser, site_url) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "nl/")
    old = {"format": "mtvp-plan", "format_version": 1, "kind": "praktijkplan", "guideline_version": "2026-2027", "name": "Van de oude sleutel", "years": {"1": {}}}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [f"mtvp-plans:{urlpath(site_url)}en/plan/", json.dumps({"plans": [old], "selected": 0})])
    open_plan(page, site_url, "nl")
    assert any("Van de oude sleutel" in n for n in page.locator("#gl-plan-select option").all_inner_texts())
    key(page, "name").fill("Gedeeld tussen talen")
    open_plan(page, site_url, "en")
    names = page.locator("#gl-plan-select option").all_inner_texts()
    assert any("Gedeeld tussen talen" in n for n in names), names
    context.close()


def urlpath(site_url: str) -> str:
    return "/" + site_url.split("://", 1)[1].split("/", 1)[1]


def test_a_stored_plan_that_cannot_be_read_is_kept_shown_and_downloadable(browser, site_url, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "nl/")
    broken = {"format": "mtvp-plan", "format_version": 2, "kind": "praktijkplan", "guideline_version": "1999", "name": "Oud plan"}
    state = json.dumps({"plans": [broken, "{niet te lezen"], "selected": 0})
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [f"mtvp-plans:{urlpath(site_url)}", state])
    open_plan(page, site_url)
    assert "1999" in page.locator(".gl-plan-broken").inner_text()
    with page.expect_download() as download:
        page.locator('[data-act="download-broken"]').click()
    target = tmp_path / "broken.txt"
    download.value.save_as(target)
    assert json.loads(target.read_text(encoding="utf-8")) == broken
    page.locator('[data-act="new-praktijkplan"]').click()
    saved = json.loads(page.evaluate("(k) => localStorage.getItem(k)", f"mtvp-plans:{urlpath(site_url)}"))
    assert saved["plans"][:2] == [broken, "{niet te lezen"], "unreadable plans are kept exactly as they were"
    context.close()


def test_a_51st_plan_is_refused_where_it_enters_and_changes_nothing(browser, site_url, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "nl/")
    plans = [{"format": "mtvp-plan", "format_version": 2, "kind": "praktijkplan", "guideline_version": "2026-2027", "name": f"Plan {n}", "years": {"1": {}}} for n in range(50)]
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [f"mtvp-plans:{urlpath(site_url)}", json.dumps({"plans": plans, "selected": 0})])
    open_plan(page, site_url)
    assert page.locator("#gl-plan-select option").count() == 50
    before = stored(page)
    upload = tmp_path / "plan.json"
    upload.write_text(json.dumps(plans[0] | {"name": "Nummer 51"}), encoding="utf-8")
    page.set_input_files("#gl-plan-import", str(upload))
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "50" in alert.inner_text()
    page.locator('[data-act="new-regioplan"]').click()
    assert page.locator("#gl-plan-select option").count() == 50
    assert stored(page) == before
    context.close()


def test_deleting_a_plan_or_a_year_can_be_undone(page, site_url) -> None:  # type: ignore[no-untyped-def]
    open_plan(page, site_url)
    key(page, "name").fill("Te verwijderen")
    page.locator('[data-act="add-year"]').click()
    key(page, "choose|2|flexibele-consultduur").check()
    page.locator('[data-act="remove-year"]').click()
    assert key(page, "choose|2|flexibele-consultduur").count() == 0
    page.locator('[data-act="undo"]').click()
    assert key(page, "choose|2|flexibele-consultduur").is_checked()
    page.locator('[data-act="delete"]').click()
    assert key(page, "name").input_value() != "Te verwijderen"
    page.locator('[data-act="undo"]').click()
    assert key(page, "name").input_value() == "Te verwijderen"
    page.reload()
    page.wait_for_selector("[data-gl-plan-ready]")
    assert any("Te verwijderen" in n for n in page.locator("#gl-plan-select option").all_inner_texts())


def test_changing_the_version_shows_what_changes_before_it_is_applied(page, site_url) -> None:  # type: ignore[no-untyped-def]
    open_plan(page, site_url)
    key(page, "choose|1|aanmeldzuil").check()
    key(page, "version").select_option("2023")
    preview = page.locator(".gl-plan-version-preview")
    assert NL["plan_migrated_uncertain"] in preview.inner_text()  # 2023 may not have had it: said, not hidden
    page.locator('[data-act="version-cancel"]').click()
    assert key(page, "choose|1|aanmeldzuil").is_checked()
    assert key(page, "version").input_value() == "2026-2027"
    key(page, "version").select_option("2023")
    page.locator('[data-act="version-apply"]').click()
    assert key(page, "version").input_value() == "2023"
    assert "2023" in page.locator(".gl-plan-message").inner_text()


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
    # The printed report names the plan's status and quotes the sentence behind each open rule.
    assert NL["plan_status_draft"] in text and f"{NL['plan_cite']}: “" in text
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
    # Every kind of field the form can show: training rows, the ICT question, staff details, own interventions.
    page.locator('[data-key="choose|1|training-gespreksvoering"]').check()
    page.locator('[data-key="choose|1|aanmeldzuil"]').check()
    page.locator('[data-key="choose|1|uitbreiding-personele-capaciteit"]').check()
    page.locator('[data-act="add-training|1|training-gespreksvoering"]').click()
    page.locator('[data-act="add-year"]').click()
    page.locator('[data-key="action|2|aanmeldzuil"]').select_option("deepen")
    page.locator('[data-act="add-custom"]').click()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "nothing wider than the phone"
    assert axe_violations(page) == []
    context.close()


def test_a_practice_starts_its_plan_from_a_regioplan_link_and_sees_when_the_regioplan_changes(page, browser, site_url, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    open_plan(page, site_url)
    page.locator('[data-act="new-regioplan"]').click()
    key(page, "name").fill("Regioplan Oost")
    key(page, "detail-date").fill("2026-02-01")
    for intervention in ("flexibele-consultduur", "anders-trieren", "taakherschikking", "samenwerking-wijkteam", "mdo-casuistiektafel"):
        key(page, f"menu|{intervention}").check()
    for intervention in ("samenwerking-wijkteam", "mdo-casuistiektafel"):
        key(page, f"year2|{intervention}").check()
    page.locator('[data-act="share"]').click()
    link = page.locator("[data-share-link]").input_value()

    practice = browser.new_context().new_page()
    practice.goto(link)
    practice.wait_for_selector("[data-gl-plan-ready]")
    practice.locator('[data-act="practice-from"]').click()
    assert "Regioplan Oost" in practice.locator(".gl-plan-follows").inner_text()
    assert practice.locator('[data-key="menu|taakherschikking"]').is_checked()
    practice.locator('[data-key="detail-agb"]').fill("1234")
    practice.locator('[data-key="detail-agb"]').press("Tab")
    assert "8 cijfers" in practice.locator("#gl-plan-detail-agb-error").inner_text()
    practice.locator('[data-key="detail-agb"]').fill("01234567")
    practice.locator('[data-key="detail-agb"]').press("Tab")
    practice.locator('[data-key="detail-start"]').fill("2024")
    practice.locator('[data-key="detail-start"]').press("Tab")
    practice.locator('[data-key="choose|1|flexibele-consultduur"]').check()
    practice.locator('[data-act="add-year"]').click()
    # Year 2 starts from year 1 (continued) and the regioplan's year-2 network choice; calendar years are shown.
    assert practice.locator('[data-key="action|2|flexibele-consultduur"]').input_value() == "continue"
    assert practice.locator('[data-key="choose|2|samenwerking-wijkteam"]').is_checked()
    assert "Jaar 2 (2025)" in practice.locator(".gl-plan-year").nth(1).inner_text()
    summary = practice.locator(".gl-plan-summary").inner_text()
    assert "Samenwerking" in summary or "samenwerking" in summary.lower()

    # The RHO changes its regioplan; the practice opens the new file and is told.
    key(page, "menu|regie-op-veelgebruikers").check()
    with page.expect_download() as download:
        page.locator('[data-act="json"]').click()
    changed = tmp_path / "regioplan.json"
    download.value.save_as(changed)
    practice.set_input_files("#gl-plan-import", str(changed))
    practice.wait_for_function("document.querySelector('.gl-plan-message').textContent.length > 0")
    practice.locator("#gl-plan-select").select_option(index=0)
    assert "gewijzigd" in practice.locator(".gl-plan-follows").inner_text()
    practice.locator('[data-act="follow-regio"]').click()
    assert practice.locator('[data-key="menu|regie-op-veelgebruikers"]').is_checked()
    assert practice.locator('[data-key="choose|1|flexibele-consultduur"]').is_checked()
    assert practice.locator('[data-key="detail-agb"]').input_value() == "01234567"
    practice.context.close()
