// DOM tests of the "link to this text" box (copy-links.mjs) on built item pages of every language (jsdom):
// PERMALINK_PAGES names one page per language (its file and its path under the site's public address,
// PERMALINK_SITE_URL), PERMALINK_STRINGS the interface strings the status line must speak
// (site_tests/test_plan_overview_dom.py runs this folder and sets them from the build and generator/strings/).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import { JSDOM } from "jsdom";

const JS = "../../overrides/assets/javascripts";
const { createAll, format } = await import(`${JS}/component.mjs`);
const { Permalinks } = await import(`${JS}/copy-links.mjs`);

const PAGES = JSON.parse(process.env.PERMALINK_PAGES);
const SITE_URL = process.env.PERMALINK_SITE_URL;
const STRINGS = JSON.parse(process.env.PERMALINK_STRINGS);
const LANGUAGES = Object.keys(PAGES);

/** A fresh copy of the built page in `lang`, at its own path under `site`, with the Clipboard API `clipboard`
 * (undefined: none) and the browser's copy command answering `copyCommand` (a function, or undefined: none). */
function freshPage(lang, { clipboard, copyCommand, site = SITE_URL } = {}) {
  const dom = new JSDOM(readFileSync(PAGES[lang].file, "utf8"), { url: site + PAGES[lang].path });
  Object.defineProperty(dom.window.navigator, "clipboard", { value: clipboard, configurable: true });
  Object.defineProperty(dom.window, "isSecureContext", { value: true, configurable: true });
  dom.window.document.execCommand = copyCommand;
  return dom.window.document;
}

/** The box on the page, started; its fields and buttons by kind (current, pinned). */
function start(document) {
  const [box] = createAll(Permalinks, {}, document);
  assert.ok(box, "the box started");
  const field = (kind) => box.root.querySelector(`#gl-link-${kind}`);
  const button = (kind) => box.root.querySelector(`button[data-gl-copy="gl-link-${kind}"]`);
  const label = (kind) => box.root.querySelector(`label[for="gl-link-${kind}"]`).textContent;
  return { box, field, button, label, status: box.root.querySelector("[data-gl-copy-status]") };
}

/** Clicks `kind`'s copy button and waits for the status line. */
async function copy(parts, kind) {
  parts.button(kind).click();
  await new Promise((resolve) => setTimeout(resolve, 0));
  return parts.status.textContent;
}

const copied = (lang, what) => format(STRINGS[lang].permalink_copied, { what });

for (const lang of LANGUAGES) {
  describe(`the link box (${lang})`, () => {
    it("copies each address with the Clipboard API and says so in the page's language", async () => {
      const written = [];
      const parts = start(freshPage(lang, { clipboard: { writeText: async (text) => written.push(text) } }));
      for (const kind of ["current", "pinned"]) {
        assert.equal(parts.button(kind).hidden, false, "the button shows once the script runs");
        assert.equal(await copy(parts, kind), copied(lang, parts.label(kind)));
        assert.equal(written.at(-1), parts.field(kind).value);
        assert.ok(written.at(-1).startsWith(`${SITE_URL}${lang}/`), written.at(-1));
      }
      assert.equal(parts.status.getAttribute("role"), "status", "read out by screen readers");
      assert.equal(written.length, 2);
    });

    it("without a Clipboard API, selects the address and, when the copy command fails too, says how to copy it", async () => {
      const parts = start(freshPage(lang, { clipboard: undefined, copyCommand: () => false }));
      assert.equal(await copy(parts, "pinned"), STRINGS[lang].permalink_selected);
      const field = parts.field("pinned");
      assert.equal(field.ownerDocument.activeElement, field);
      assert.equal(field.value.slice(field.selectionStart, field.selectionEnd), field.value, "the whole address");
    });

    it("when the browser refuses the Clipboard API, copies the selected address with the copy command", async () => {
      const commands = [];
      const parts = start(freshPage(lang, {
        clipboard: { writeText: async () => { throw new Error("NotAllowedError"); } },
        copyCommand: (name) => commands.push(name) > 0,
      }));
      assert.equal(await copy(parts, "current"), copied(lang, parts.label("current")));
      assert.deepEqual(commands, ["copy"]);
      const field = parts.field("current");
      assert.equal(field.value.slice(field.selectionStart, field.selectionEnd), field.value);
    });

    it("when the browser refuses the Clipboard API and has no copy command, leaves the address selected", async () => {
      const parts = start(freshPage(lang, { clipboard: { writeText: () => Promise.reject(new Error("denied")) } }));
      assert.equal(await copy(parts, "current"), STRINGS[lang].permalink_selected);
      assert.equal(parts.field("current").ownerDocument.activeElement, parts.field("current"));
    });
  });
}

describe("starting the link box", () => {
  it("starts once per box: a page shown again by instant navigation gets no second set of listeners", async () => {
    const written = [];
    const document = freshPage(LANGUAGES[0], { clipboard: { writeText: async (text) => written.push(text) } });
    const parts = start(document);
    assert.deepEqual(createAll(Permalinks, {}, document), []);
    await copy(parts, "current");
    assert.equal(written.length, 1);
  });

  it("in a portable build, makes each relative address absolute where the site is opened", () => {
    const elsewhere = "http://localhost:8000/copy/";
    const document = freshPage(LANGUAGES[0], { site: elsewhere });
    const published = {};
    for (const field of document.querySelectorAll("input[data-gl-href]")) {
      published[field.id] = field.value;
      field.value = field.dataset.glHref; // as a build without a public URL writes it
    }
    start(document);
    for (const field of document.querySelectorAll("input[data-gl-href]")) {
      assert.equal(field.value, published[field.id].replace(SITE_URL, elsewhere));
    }
    assert.equal(Object.keys(published).length, 2);
  });
});
