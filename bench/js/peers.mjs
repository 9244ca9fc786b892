// The JavaScript peers, as the Node runner and the browser page both use them: Publicodes
// (the model in bench/publicodes) and GoRules ZEN (the graph in bench/zen). Each takes a
// household as bench/households.py writes it and returns [budget lower, budget upper,
// budget, contribution, council pays] in pence.

export const NEEDS = ['personal_care', 'eating', 'mobility', 'medication', 'daily_living', 'community', 'night'];
export const RISKS = ['falls', 'wandering', 'self_neglect', 'behaviour'];

/** Pounds (a JavaScript number) to whole pence; a fraction of a penny beyond float error
 * is a rounding the model missed, so it fails rather than being rounded away here. */
export function pence(x) {
  const p = x * 100;
  if (Math.abs(p - Math.round(p)) > 1e-6) throw new Error(`${x} is not whole pence`);
  return Math.round(p);
}

// ---- Publicodes ----

/** One household as a Publicodes situation: choices as Publicodes strings, yes/no as
 * oui/non, amounts as plain numbers (each takes its rule's unit; faster than parsing text). */
export function situation(h) {
  const s = {
    'answers . client group': `'${h.client_group}'`,
    'answers . age': h.age,
    'answers . informal support': `'${h.informal_support}'`,
    'answers . capital': Number(h.capital),
    'answers . pension amount': Number(h.pension.amount),
    'answers . pension period': `'${h.pension.period}'`,
    'answers . disability benefit': Number(h.disability_benefit),
    'answers . housing costs': Number(h.housing_costs),
    'answers . dre claimed': Number(h.dre_claimed),
  };
  for (const q of NEEDS) s[`answers . ${q.replace('_', ' ')}`] = `'${h[q]}'`;
  for (const r of RISKS) s[`answers . risk ${r.replace('_', ' ')}`] = h.risks.includes(r) ? 'oui' : 'non';
  return s;
}

export const PUBLICODES_OUTPUTS = ['ras . budget lower', 'ras . budget upper', 'ras . budget', 'charging . contribution', 'charging . council pays'];

/** Sets the situation and evaluates the five outputs (each evaluation carries its full explanation tree). */
export function publicodesEvaluate(engine, sit) {
  engine.setSituation(sit);
  return PUBLICODES_OUTPUTS.map((o) => {
    const v = engine.evaluate(o).nodeValue;
    if (typeof v !== 'number') throw new Error(`publicodes: ${o} is ${v}`);
    return pence(v);
  });
}

// ---- ZEN ----

/** One household as the ZEN graph's request: money as JSON numbers in pounds. */
export function zenRequest(h) {
  return {
    ...h,
    capital: Number(h.capital),
    pension: { amount: Number(h.pension.amount), period: h.pension.period },
    disability_benefit: Number(h.disability_benefit),
    housing_costs: Number(h.housing_costs),
    dre_claimed: Number(h.dre_claimed),
  };
}

export const zenResult = (r) => [r.budgetLower, r.budgetUpper, r.budget, r.contribution, r.councilPays].map(pence);
