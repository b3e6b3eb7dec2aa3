/**
 * The only way the UI makes elements: tag, attributes, children. Strings become text nodes,
 * never markup; there is no innerHTML anywhere in the UI, so cell text and sheet names that
 * look like HTML are shown as the characters they are.
 */
export type Child = Node | string | null | undefined | false;

export type Attrs = Record<string, string | number | boolean | null | undefined>;

function setAttrs(node: Element, attrs: Attrs | undefined): void {
  if (!attrs) return;
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    // Event handler attributes would turn data into script: they are never set from here.
    if (/^on/i.test(name)) throw new Error(`event attribute not allowed: ${name}`);
    node.setAttribute(name, value === true ? "" : String(value));
  }
}

function append(node: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === "string" ? node.ownerDocument!.createTextNode(child) : child);
  }
}

export function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs?: Attrs, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function svg<K extends keyof SVGElementTagNameMap>(doc: Document, tag: K, attrs?: Attrs, ...children: Child[]): SVGElementTagNameMap[K] {
  const node = doc.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

/** Replaces a node's children. */
export function replaceChildren(node: Element, ...children: Child[]): void {
  while (node.firstChild) node.removeChild(node.firstChild);
  append(node, children);
}
