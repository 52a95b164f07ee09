// The checklist's form controls: each control carries `data-key` (what it edits, with the ids it edits separated by
// `|`), an id derived from that key, and a label. Values are set as form values, never as HTML.

import { LIMITS } from "../core.mjs";
import { element } from "../../component.mjs";

/** Keys of fields that are typed: they are stored as they are typed, and a change event (focus leaving) does not
 * re-render the form, which would replace the field the focus moves to. */
export const TYPED = /^(name|notes|detail-organisation|detail-author|justification|caregivers|staff_type|hours|training-name|training-caregivers|custom-title|custom-note|deepening-justification)(\||$)/;

export function idOf(key) {
  return `gl-plan-${key.replace(/[^\w-]/g, "-")}`;
}

export function checkbox(key, labelText, checked) {
  const id = idOf(key);
  return [element("input", { type: "checkbox", id, checked, "data-key": key }), element("label", { for: id, text: labelText })];
}

export function field(key, labelText, control) {
  control.id = idOf(key);
  control.dataset.key = key;
  return [element("label", { for: control.id, text: labelText }), control];
}

export function textField(key, labelText, value, limit = LIMITS.name) {
  return field(key, labelText, element("input", { type: "text", maxlength: limit, value }));
}

export function textArea(key, labelText, value) {
  return field(key, labelText, element("textarea", { rows: 2, maxlength: LIMITS.text, value }));
}

export function select(key, labelText, options, value) {
  const control = element("select");
  for (const [optionValue, optionText] of options) control.append(element("option", { value: optionValue, selected: optionValue === value, text: optionText }));
  return field(key, labelText, control);
}

/** Radio buttons in a fieldset: `options` are [value, label, checked]. */
export function radios(key, legend, options) {
  const box = element("fieldset", { class: "gl-plan-answer" }, element("legend", { text: legend }));
  for (const [value, label, checked] of options) {
    const id = idOf(`${key}|${value}`);
    box.append(element("input", { type: "radio", id, name: idOf(key), value, checked, "data-key": key }), element("label", { for: id, text: label }), " ");
  }
  return box;
}

/** The place a refused value's message is shown (announced, and empty when the value is fine). */
export function fieldError(key, text) {
  return element("p", { id: `${idOf(key)}-error`, class: "gl-plan-field-error", role: "alert", text: text ?? "" });
}

/** A field whose value is refused where it is typed: a visible message, nothing stored, the last valid value kept.
 * `invalid` keeps the messages so that they stay when the form is drawn again. */
export function checked(root, invalid, key, ok, problem, store) {
  const error = root.querySelector(`#${CSS.escape(idOf(key))}-error`);
  if (!ok) {
    invalid.set(key, problem);
    if (error) error.textContent = problem;
    return false;
  }
  invalid.delete(key);
  if (error) error.textContent = "";
  store();
  return true;
}

export function interventionLink(s, intervention) {
  return element("a", { href: new URL(intervention.url, location.href).href, text: s.plan_read, "aria-label": `${s.plan_read}: ${intervention.title}` });
}

export function button(act, text, { primary = false, disabled = false } = {}) {
  return element("button", { type: "button", class: primary ? "md-button md-button--primary" : "md-button", "data-act": act, disabled, text });
}

export function toggle(list, id, on) {
  const index = list.indexOf(id);
  if (on && index < 0) list.push(id);
  if (!on && index >= 0) list.splice(index, 1);
}

export function splitNames(value) {
  return value.split(",").map((c) => c.trim()).filter(Boolean).slice(0, LIMITS.caregivers);
}
