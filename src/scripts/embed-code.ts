/**
 * Embed codes (`textarea[data-embed-origin]`) built without `SITE` name a placeholder origin: the
 * reader's browser knows where the site is really served, so the code is rewritten with
 * `location.origin` (the build warned that `SITE` was not set).
 */
for (const area of document.querySelectorAll<HTMLTextAreaElement>('textarea[data-embed-origin]')) {
  const built = area.dataset.embedOrigin ?? '';
  if (built && built !== location.origin) area.value = area.value.split(built).join(location.origin);
}

export {};
