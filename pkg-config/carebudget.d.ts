// Types for <care-budget>, the element defined by carebudget.js.

/** Attributes of `<care-budget>`. */
export interface CareBudgetAttributes {
  /** URL of the compiled program (`carebudget build … --program FILE.cbp`), e.g. `/rules/england.cbp`. */
  rules: string;
  /** `en` (default) or `cy` (Welsh). */
  lang?: 'en' | 'cy';
  /** Refuse the ruleset unless its SHA-256 (64 hex digits) is exactly this. */
  'rules-sha256'?: string;
  /** Apply the rules as of this date (`YYYY-MM-DD`); default: today. */
  'as-of'?: string;
  /** Link to the static rules page; default `../pages/<id>.html` beside the ruleset. */
  'rules-page'?: string;
}

/** The calculator element. It renders into its (open) shadow root. */
export declare class CareBudgetElement extends HTMLElement {
  /** Set once the engine has started: `widget.ready` is false if the ruleset was refused. */
  readonly widget?: { readonly ready: boolean };
}

declare global {
  interface HTMLElementTagNameMap {
    'care-budget': CareBudgetElement;
  }
  interface HTMLElementEventMap {
    /** Fired on the element once the calculator has started (or refused its ruleset). */
    'care-budget:ready': CustomEvent<{ ready: boolean }>;
  }
}
