// For pages that embed the calculator in an iframe (embed.html): sizes each
// <iframe data-care-budget> to its content, from the height the frame reports.
addEventListener('message', (e) => {
  if (!e.data || e.data.type !== 'care-budget:height') return;
  for (const f of document.querySelectorAll('iframe[data-care-budget]')) {
    if (f.contentWindow === e.source) {
      const h = Math.max(200, Math.min(20000, Number(e.data.height) || 0));
      f.setAttribute('height', String(h));
    }
  }
});
