/**
 * "Image (PNG)" buttons: draws the chart's standalone SVG file (same origin) on a canvas at twice
 * its size and downloads the result. The buttons stay hidden without JavaScript.
 */
function download(blob: Blob, name: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

async function toPng(svgUrl: string, name: string) {
  const img = new Image();
  img.decoding = 'async';
  img.src = svgUrl;
  await img.decode();
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth * scale;
  canvas.height = img.naturalHeight * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  canvas.toBlob((blob) => blob && download(blob, name), 'image/png');
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-png]')) {
  const item = button.closest<HTMLElement>('[hidden]');
  if (item) item.hidden = false;
  button.addEventListener('click', () => {
    void toPng(button.dataset.png ?? '', `${button.dataset.name ?? 'graphique'}.png`);
  });
}

export {};
