// The component pattern of GOV.UK Frontend (`Component` and `createAll`), small enough to keep here and shared by the
// page scripts: a component is a class bound to one root element, named by the root's `data-gl-module`; creating it
// twice on the same root does nothing (Material's instant navigation may show a page again), and one component
// failing to start does not stop the others.

export class Component {
  /** The value of `data-gl-module` that names this component's roots. */
  static moduleName = "";

  /** The prefix of the events the component sends its owner (`gl:<type>` unless a family names its own). */
  static events = "gl";

  constructor(root) {
    const name = this.constructor.moduleName;
    if (!root || root.dataset.glModule !== name) throw new Error(`${name}: root element missing`);
    if (root.hasAttribute(`data-${name}-init`)) throw new Error(`${name}: already started on this element`);
    root.setAttribute(`data-${name}-init`, "");
    this.root = root;
  }

  /** Tells the component's owner something happened (events bubble up to it; nothing else is shared). */
  emit(type, detail) {
    this.root.dispatchEvent(new CustomEvent(`${this.constructor.events}:${type}`, { bubbles: true, detail }));
  }
}

/** Starts `ComponentClass` on every matching root in `scope` not started yet; returns the instances started. */
export function createAll(ComponentClass, config = {}, scope = document) {
  const roots = scope.querySelectorAll(`[data-gl-module="${ComponentClass.moduleName}"]`);
  const started = [];
  for (const root of roots) {
    if (root.hasAttribute(`data-${ComponentClass.moduleName}-init`)) continue;
    try {
      started.push(new ComponentClass(root, config));
    } catch (error) {
      console.error(error);
    }
  }
  return started;
}

/** A new element with attributes and children; text is always set as text, never parsed as HTML. */
export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "text") node.textContent = value;
    // A textarea has no value attribute: the property is the only way to show what the user typed.
    else if (name === "value") node.value = String(value);
    else if (name in node && typeof value !== "string") node[name] = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/** A translated string with its `{name}` placeholders filled in. */
export function format(template, params = {}) {
  return template.replace(/\{(\w+)\}/g, (_, name) => (params[name] === undefined ? `{${name}}` : String(params[name])));
}
