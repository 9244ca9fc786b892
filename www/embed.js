// The iframe page (embed.html?rules=…&lang=…&rules-sha256=…&as-of=…): sets the element's
// attributes from the address, then tells the host page its height (carebudget-frame.js
// sizes the iframe). Only rulesets on this site are accepted.
const q = new URLSearchParams(location.search);
const el = document.querySelector('care-budget');
const rules = new URL(q.get('rules') || '', location.href);
if (rules.origin === location.origin && rules.pathname.endsWith('.cbp')) {
  el.setAttribute('rules', rules.pathname);
  const id = rules.pathname.split('/').pop().replace(/\.cbp$/, '');
  el.querySelector('a')?.setAttribute('href', new URL(`../pages/${id}.html`, rules).pathname);
}
for (const name of ['lang', 'rules-sha256', 'as-of']) {
  if (q.has(name)) el.setAttribute(name, q.get(name));
}
document.documentElement.lang = q.get('lang') === 'cy' ? 'cy' : 'en';
await import('./carebudget.js');

// Report the height whenever it changes, to the page that embeds this one.
if (window.parent !== window) {
  let last = 0;
  new ResizeObserver(() => {
    const h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h !== last) {
      last = h;
      window.parent.postMessage({ type: 'care-budget:height', height: h }, '*');
    }
  }).observe(document.documentElement);
}
