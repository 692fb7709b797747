/**
 * Citations end with the date of access (`[data-today]`), which only the reader's browser knows:
 * without JavaScript they say « [date de consultation] » for the reader to fill in.
 *
 * Addresses built without `SITE` (`[data-embed-origin]`: embed codes, citations) name a placeholder
 * origin: the reader's browser knows where the site is really served, so they are rewritten with
 * `location.origin` (the build warned that `SITE` was not set).
 */
for (const el of document.querySelectorAll<HTMLElement>('[data-embed-origin]')) {
  const built = el.dataset.embedOrigin ?? '';
  if (!built || built === location.origin) continue;
  const fix = (s: string) => s.split(built).join(location.origin);
  if (el instanceof HTMLTextAreaElement) el.value = fix(el.value);
  else el.textContent = fix(el.textContent ?? '');
}

for (const el of document.querySelectorAll<HTMLElement>('[data-today]')) {
  // The site's own date style in each language: « 7 décembre 2026 », “7 December 2026”.
  el.textContent = new Date().toLocaleDateString(document.documentElement.lang === 'en' ? 'en-GB' : 'fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });
}

export {};
