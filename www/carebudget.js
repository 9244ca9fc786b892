// <care-budget>: the custom element shell and loader for the carebudget calculator.
//
//   <script type="module" src="/carebudget.js"></script>
//   <care-budget rules="/rules/england.cbp" lang="en" rules-sha256="…">
//     <p>Fallback shown without JavaScript or WebAssembly, e.g. a link to /pages/england.html</p>
//   </care-budget>
//
// This file only defines the element, loads the WebAssembly engine and fetches the ruleset.
// Everything the visitor sees is rendered by Rust (src/web/) into the element's shadow root.
// No inline scripts or styles, no storage, no network traffic beyond the ruleset.

const base = import.meta.url;
let engine;

// One engine per page, shared by every element; its module fetched alongside its glue.
function loadEngine() {
  if (!engine) {
    const wasm = fetch(new URL('pkg/engine_bg.wasm', base));
    wasm.catch(() => {}); // surfaces in the glue
    engine = import(new URL('pkg/engine.js', base).href).then(async (m) => {
      await m.default({ module_or_path: wasm });
      return m;
    });
  }
  return engine;
}

class CareBudget extends HTMLElement {
  connectedCallback() {
    // Without WebAssembly the light-DOM fallback stays as it is.
    if (this.shadowRoot || typeof WebAssembly !== 'object') return;
    const root = this.attachShadow({ mode: 'open' });
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = new URL('pkg/carebudget.css', base).href;
    // Until the calculator is ready, the fallback content shows through the slot.
    root.append(css, document.createElement('slot'));
    this.#start(root);
  }

  async #start(root) {
    const attr = (n) => this.getAttribute(n) || undefined;
    const rules = new URL(attr('rules') || '', document.baseURI);
    const options = {
      lang: attr('lang') === 'cy' ? 'cy' : 'en',
      asOf: attr('as-of'),
      sha256: attr('rules-sha256'),
      rulesPage: attr('rules-page'),
      pagesBase: new URL('../pages/', rules).href,
      rules: rules.pathname,
    };
    // Fetched while the engine loads (a round trip less on a slow connection).
    const file = fetch(rules, { credentials: 'same-origin' }).then(async (res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    });
    file.catch(() => {}); // reported below
    let m;
    try {
      m = await loadEngine();
    } catch (e) {
      console.warn('care-budget: the calculator could not load', e);
      return; // the fallback stays
    }
    let bytes;
    try {
      bytes = await file;
    } catch (e) {
      this.widget = m.Widget.failed(root, options, String(e.message || e));
      return;
    }
    // The file's SHA-256, for the receipt and a pinned `rules-sha256`: the browser's own,
    // which it offers only in secure contexts (https, this machine). Without it the widget
    // refuses a pinned file, saying why.
    try {
      const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
      options.digest = Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
    } catch {}
    this.widget = m.Widget.mount(root, bytes, options);
    this.dispatchEvent(new CustomEvent('care-budget:ready', { detail: { ready: this.widget.ready } }));
  }
}

if (!customElements.get('care-budget')) customElements.define('care-budget', CareBudget);
