//! The evaluation order: every question and rule after what it uses, or every cycle named.

use std::collections::HashMap;

use super::Checker;
use carebudget_core::diagnostic::join;
use carebudget_core::program::*;

/// Questions and rules as one graph: question `i` is node `i`, rule `j` is node `inputs + j`.
struct Graph<'g> {
    inputs: &'g [InputInfo],
    rules: &'g [RuleInfo],
    /// For each node, the nodes it uses.
    deps: Vec<Vec<usize>>,
}

impl<'g> Graph<'g> {
    fn new(inputs: &'g [InputInfo], rules: &'g [RuleInfo]) -> Self {
        let ni = inputs.len();
        let node_of = |r: &Ref| -> Option<usize> {
            match *r {
                Ref::Input(i) => Some(i as usize),
                Ref::Rule(i) => Some(ni + i as usize),
                // Parameters are fixed figures: nothing to order.
                Ref::Param(_) => None,
            }
        };
        let deps = (inputs.iter().map(|q| &q.uses))
            .chain(rules.iter().map(|r| &r.uses))
            .map(|uses| uses.iter().filter_map(node_of).collect())
            .collect();
        Graph { inputs, rules, deps }
    }

    fn item(&self, x: usize) -> Item {
        let ni = self.inputs.len();
        if x < ni {
            Item::Input(x as u32)
        } else {
            Item::Rule((x - ni) as u32)
        }
    }

    fn name(&self, x: usize) -> String {
        let ni = self.inputs.len();
        if x < ni {
            format!("inputs.{}", self.inputs[x].id)
        } else {
            format!("rules.{}", self.rules[x - ni].id)
        }
    }

    /// Kahn's algorithm over "x uses y" edges. The order, or for each node the number of its
    /// dependencies never reached (non-zero only on or behind a cycle).
    fn sort(&self) -> Result<Vec<Item>, Vec<usize>> {
        let n = self.deps.len();
        let mut users: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut pending: Vec<usize> = vec![0; n];
        for (x, ds) in self.deps.iter().enumerate() {
            for &d in ds {
                users[d].push(x);
                pending[x] += 1;
            }
        }
        // Lowest first, so items keep the authors' order where nothing says otherwise.
        let mut ready: Vec<usize> = (0..n).rev().filter(|&x| pending[x] == 0).collect();
        let mut order = Vec::with_capacity(n);
        while let Some(x) = ready.pop() {
            order.push(self.item(x));
            for &u in users[x].iter().rev() {
                pending[u] -= 1;
                if pending[u] == 0 {
                    ready.push(u);
                }
            }
        }
        if order.len() == n { Ok(order) } else { Err(pending) }
    }

    /// From `start`, follows unfinished dependencies until one repeats: that loop.
    fn cycle_from(&self, start: usize, pending: &[usize]) -> Option<Vec<usize>> {
        let mut path = vec![start];
        let mut seen = HashMap::from([(start, 0usize)]);
        let mut x = start;
        loop {
            let &next = self.deps[x].iter().find(|&&d| pending[d] > 0)?;
            if let Some(&at) = seen.get(&next) {
                return Some(path[at..].to_vec());
            }
            seen.insert(next, path.len());
            path.push(next);
            x = next;
        }
    }
}

impl Checker<'_> {
    /// Orders inputs and rules so each comes after what it uses; reports every cycle.
    pub(super) fn order(&mut self, inputs: &[InputInfo], rules: &[RuleInfo]) -> Option<Vec<Item>> {
        let graph = Graph::new(inputs, rules);
        let pending = match graph.sort() {
            Ok(order) => return Some(order),
            Err(pending) => pending,
        };
        // Every item left waits on a cycle; name each cycle once.
        let mut reported = vec![false; pending.len()];
        for start in 0..pending.len() {
            if pending[start] == 0 || reported[start] {
                continue;
            }
            let Some(cycle) = graph.cycle_from(start, &pending) else {
                continue;
            };
            if cycle.iter().any(|&c| reported[c]) {
                continue;
            }
            for &c in &cycle {
                reported[c] = true;
            }
            let mut words: Vec<String> = cycle.iter().map(|&c| graph.name(c)).collect();
            words.push(graph.name(cycle[0]));
            // A question depends through its `ask_when`, a rule through its formula.
            let field = if cycle[0] < inputs.len() { "ask_when" } else { "formula" };
            self.err(
                join(&graph.name(cycle[0]), field),
                format!("this depends on itself: {}", words.join(" → ")),
            );
        }
        None
    }
}
