"""The JSON API and the embeddable growth-model table."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urldefrag

import jsonschema
import pytest

from generator.data import models as m
from generator.data.load import Guideline
from site_tests.test_build import parse, words
from site_tests.test_i18n_and_schema import undocumented


@pytest.fixture(scope="module")
def api(built_site: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (built_site / "api").glob("*.json")}


def test_every_api_file_validates_against_the_published_schema(api: dict, guideline: Guideline) -> None:  # type: ignore[type-arg]
    schema = api["schema.json"]
    jsonschema.Draft202012Validator.check_schema(schema)
    documents = {name: doc for name, doc in api.items() if not name.endswith("schema.json")}
    assert set(documents) == {"current.json", *(f"{v.id}.json" for v in guideline.versions)}
    for document in documents.values():
        jsonschema.Draft202012Validator(schema).validate(document)
    assert api["current.json"] == api[f"{guideline.current.id}.json"]


def test_the_schema_rejects_a_document_without_urls_or_ids(api: dict) -> None:  # type: ignore[type-arg]
    validator = jsonschema.Draft202012Validator(api["schema.json"])
    broken = json.loads(json.dumps(api["current.json"]))
    del broken["interventions"][0]["urls"]
    del broken["interventions"][1]["id"]
    assert len(list(validator.iter_errors(broken))) == 2


def test_every_item_is_in_the_api_with_both_languages(api: dict, guideline: Guideline) -> None:  # type: ignore[type-arg]
    current = api["current.json"]
    version = guideline.current
    assert [i["id"] for i in current["interventions"]] == [
        i.id for e in version.core_elements.core_elements for i in version.interventions_of(e.id)
    ]
    for intervention in current["interventions"]:
        assert intervention["title"]["nl"] and intervention["title"]["en"]
    assert len(current["rules"]) == len(version.growth_model.rules)
    assert current["data"]["growth_model"]["rows"][0]["cells"]
    assert {"nl", "en"} <= set(current["data"]["interventions"]["interventions"][0]["title"])


def test_every_url_in_the_api_exists_on_the_site(api: dict, built_site: Path, public_url: str) -> None:  # type: ignore[type-arg]
    urls = []
    for name, document in api.items():
        if name.endswith("schema.json"):
            continue
        for item in [*document["urls"].values(), *(i["urls"] for i in document["interventions"])]:
            urls += [u for kind in ("pinned", "current") if item[kind] for u in item[kind].values()]
    assert len(urls) > 1000
    for url in urls:
        assert url.startswith(public_url), url
        address, anchor = urldefrag(url)
        page = built_site / address[len(public_url) :] / "index.html"
        assert page.is_file(), url
        if anchor:
            assert anchor in parse(page).ids, url


@pytest.mark.parametrize("language", ["nl", "en"])
def test_embeddable_growth_model(built_site: Path, guideline: Guideline, public_url: str, language: str) -> None:
    html = (built_site / "embed" / f"groeimodel-{language}.html").read_text(encoding="utf-8")
    version = guideline.current
    assert f'<html lang="{language}">' in html
    assert getattr(version.meta.label, language) in html  # the version stamp
    assert f'href="{public_url}{language}/groeimodel/"' in html  # the link back
    assert "<script" not in html and "http" not in html.replace(public_url, "")  # self-contained
    text = words(html)
    for row in version.growth_model.rows:
        assert getattr(version.core_element(row.core_element).title, language) in text


@pytest.mark.parametrize("language", ["nl", "en"])
def test_atom_feed_of_published_versions(built_site: Path, guideline: Guideline, public_url: str, language: str) -> None:
    from xml.etree import ElementTree

    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.parse(built_site / f"feed-{language}.xml").getroot()
    entries = feed.findall(f"{atom}entry")
    published = [v for v in guideline.versions if v.meta.status != "future"]
    assert len(entries) == len(published) >= 1
    current = guideline.current.meta
    titles = [entry.findtext(f"{atom}title") for entry in entries]
    assert getattr(current.label, language) in titles
    for entry in entries:
        entry_id = entry.findtext(f"{atom}id", "")
        assert entry_id.startswith(public_url + "versions/") and entry_id.endswith(f"/{language}")
        version_id = entry_id.removeprefix(public_url + "versions/").removesuffix(f"/{language}")
        assert entry.find(f"{atom}link").get("href") == f"{public_url}{language}/{version_id}/"  # type: ignore[union-attr]
        summary = entry.findtext(f"{atom}summary", "")
        previous = guideline.previous(guideline.version(version_id))
        if previous is not None:
            related = entry.find(f"{atom}link[@rel='related']")
            assert related is not None
            assert related.get("href") == f"{public_url}{language}/wijzigingen/{previous.id}-naar-{version_id}/"
            assert getattr(previous.meta.label, language) in summary
    page = (built_site / language / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in page and f'href="{public_url}feed-{language}.xml"' in page


def serve(body: str):  # type: ignore[no-untyped-def]
    """A route handler that answers with `body` as an HTML page (the example runs on the site's own origin)."""
    return lambda route: route.fulfill(status=200, content_type="text/html", body=body)


def test_the_published_script_example_lists_every_intervention_with_working_links(browser, site_url: str, api: dict) -> None:  # type: ignore[no-untyped-def,type-arg]
    """The open-data page's copy-paste example, run as published against the real API (no `undefined` links)."""
    context = browser.new_context()
    page = context.new_page()
    for language in ("nl", "en"):
        page.goto(site_url + f"{language}/open-data/")
        snippet = next(code for code in page.locator("pre code").all_inner_texts() if "mtvp-interventies" in code)
        example = site_url + f"voorbeeld-{language}.html"
        page.route(example, serve(snippet))
        page.goto(example)
        links = page.locator("#mtvp-interventies a")
        links.first.wait_for()
        assert links.count() == len(api["current.json"]["interventions"])
        for href in links.evaluate_all("(all) => all.map((a) => a.href)"):
            assert "undefined" not in href and href.startswith(site_url + f"{language}/interventies/"), href
            assert page.request.get(href).ok, href
    context.close()


def test_atom_feed_escapes_what_xml_needs_escaped(synthetic_project: Path) -> None:
    from xml.etree import ElementTree

    from generator.data.load import load_guideline
    from generator.feed import atom_feed
    from generator.languages import DEFAULT_LANGUAGE

    registry = synthetic_project / "guideline_data" / "versions.yaml"
    label = 'R&D 1 < 2 > 0 "quoted"'
    registry.write_text(
        registry.read_text(encoding="utf-8").replace("Synthetische leidraad 2031-2032", label, 1), encoding="utf-8"
    )
    guideline = load_guideline(synthetic_project / "guideline_data", root=synthetic_project)
    feed = ElementTree.fromstring(atom_feed(guideline, 'https://example.org/a&b"/', DEFAULT_LANGUAGE))
    atom = "{http://www.w3.org/2005/Atom}"
    assert feed.findtext(f"{atom}entry/{atom}title", "").startswith(label)
    assert feed.find(f"{atom}link").get("href") == f'https://example.org/a&b"/feed-{DEFAULT_LANGUAGE}.xml'  # type: ignore[union-attr]


def test_every_property_of_the_api_schemas_is_documented(api: dict) -> None:  # type: ignore[type-arg]
    schemas = {name: schema for name, schema in api.items() if name.endswith("schema.json")}
    assert set(schemas) == {"schema.json", "changes.schema.json"}
    for name, schema in schemas.items():
        assert not undocumented(schema), (name, undocumented(schema))
    # The guideline's own fields carry the documentation written on the models.
    intervention = schemas["schema.json"]["$defs"]["Intervention"]["properties"]["title"]
    assert intervention["description"] == m.Intervention.model_fields["title"].description
