/**
 * Marks a search's hits in a document's text: every word whose lower-cased
 * form the server said the search matched is wrapped in <mark>. Only text
 * nodes are split and only elements this code creates are added, so the
 * document's text stays text.
 */

/** What the server's tokenizer keeps together as one word (letters, digits, marks). */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

export function markWords(root: Element, words: ReadonlySet<string>): number {
  if (words.size === 0) return 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest("mark, a, button, script, style")
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  let count = 0;
  for (const node of nodes) {
    const text = node.data;
    const parts: (string | HTMLElement)[] = [];
    let last = 0;
    for (const m of text.matchAll(WORD)) {
      if (!words.has(m[0].toLowerCase())) continue;
      const start = m.index ?? 0;
      if (start > last) parts.push(text.slice(last, start));
      const mark = document.createElement("mark");
      mark.textContent = m[0];
      parts.push(mark);
      last = start + m[0].length;
      count++;
    }
    if (parts.length === 0) continue;
    if (last < text.length) parts.push(text.slice(last));
    node.replaceWith(...parts);
  }
  return count;
}
