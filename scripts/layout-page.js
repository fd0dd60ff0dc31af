/* global window, document, getComputedStyle */
// Runs inside the page scripts/layout.ts renders (after mermaid.min.js): draws the Mermaid diagrams as GitHub does
// and measures the comment. Browser code, kept out of the Node type check.
window.measureSummary = async () => {
  const body = document.querySelector('.markdown-body');
  const details = [...document.querySelectorAll('details')];
  // Diagrams are laid out while visible (Mermaid measures text); everything is folded again afterwards.
  for (const d of details) d.open = true;
  const { mermaid } = window;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  const mermaidErrors = [];
  for (const diagram of document.querySelectorAll('pre.mermaid')) {
    try {
      await mermaid.parse(diagram.textContent ?? '');
      await mermaid.run({ nodes: [diagram] });
    } catch (error) {
      mermaidErrors.push(String(error?.message ?? error).split('\n').slice(0, 3).join(' '));
    }
  }
  // Tables are measured unfolded: a folded table must fit too once a reader opens it.
  const style = getComputedStyle(body);
  const columnWidth = body.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const tableWidths = [...body.querySelectorAll('table')].map((t) => t.scrollWidth).sort((a, b) => b - a);
  const openHeight = body.getBoundingClientRect().height;
  for (const d of details) d.open = false;
  return {
    firstBlock: (body.firstElementChild?.textContent ?? '').trim(),
    columnWidth, tableWidths, openHeight, mermaidErrors,
    foldedHeight: body.getBoundingClientRect().height,
  };
};
