/** A small element builder for the renderers: text always goes in as text nodes, never as HTML. */

export type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | null | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value != null) el.setAttribute(name, value);
  // appendChild, not append: workers-types (in the same tsconfig) redeclares Element#append.
  for (const child of children)
    if (child) el.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  return el;
}
