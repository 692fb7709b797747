/**
 * On an embed page shown in a frame: tells the embedding page the height of the content, at load
 * and whenever it changes (a table view opened, a narrower frame wrapping the text), so that the
 * embed code's listener sizes the iframe to it and nothing (summary, source, licence) is cut.
 * Message: `{ type: 'clauses-insertion:hauteur', height }` (CSS pixels), to any origin: a height
 * tells nothing private.
 */
const post = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  window.parent.postMessage({ type: 'clauses-insertion:hauteur', height }, '*');
};
new ResizeObserver(post).observe(document.documentElement);
window.addEventListener('load', post);
post();

export {};
