// Building the pages' elements. Text from the server only ever goes in through textContent, so a
// customer called "<script>…" is shown as those characters and never run or parsed as markup.

/**
 * A new element: el('td', {className: 'state', dataset: {state: 'ready'}, text: 'Ready'}, child…).
 * Known props: text, className, dataset, attrs (plain attributes), on (event listeners), and any
 * DOM property (type, value, disabled, hidden…). Children: nodes or strings (added as text).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === 'text') node.textContent = String(value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'attrs') for (const [name, v] of Object.entries(value)) node.setAttribute(name, String(v));
    else if (key === 'on') for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
    else node[key] = value;
  }
  append(node, ...children);
  return node;
}

export function append(node, ...children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Empties a node and fills it again. */
export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, ...children);
}

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

/** A table row of plain cells: row(['a', 'b'], {dataset: …}). A cell may be a node or {text, className}. */
export function row(cells, props = {}) {
  return el('tr', props, cells.map((cell) => (cell instanceof Node ? el('td', {}, cell)
    : cell !== null && typeof cell === 'object' ? el('td', cell) : el('td', { text: cell ?? '—' }))));
}

/** Reads a form's named fields as trimmed text; empty fields are left out. */
export function formValues(form) {
  const values = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && value.trim() !== '') values[name] = value.trim();
  }
  return values;
}
