// The overview's components follow the shared component pattern (../../component.mjs); their events are named
// `gl-overview:<type>`.
import { Component as PageComponent, createAll, element, format } from "../../component.mjs";

export class Component extends PageComponent {
  static events = "gl-overview";
}

export { createAll, element, format };
