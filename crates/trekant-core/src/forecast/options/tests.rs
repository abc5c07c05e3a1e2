//! The scope search against brute force, and its maximality.

use crate::brief::parse_brief;
use crate::forecast::estimate::Settings;
use crate::forecast::options::{Form, Kind, Problem, best_scope, options, problem};
use jiff::civil::date;
use rand::{RngExt, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

fn settings(trials: usize) -> Settings {
    Settings {
        trials,
        seed: 42,
        confidence: 0.8,
        today: date(2027, 1, 4),
        calibration: None,
    }
}

/// A random small brief: items with dependencies on earlier ones, some musts, some
/// alternatives, a budget and deadline that cut somewhere in the middle.
fn random_brief(rng: &mut Xoshiro256PlusPlus, items: usize) -> String {
    let mut toml = String::from(
        "[project]\nname = \"t\"\nstart = 2027-01-04\n[me]\nrate = 100\nhours_per_week = 20\n",
    );
    let mut total = 0.0;
    let mut body = String::new();
    for i in 0..items {
        let likely: f64 = rng.random_range(2.0..20.0);
        let low = (likely * rng.random_range(0.5..0.9)).round();
        let high = (likely * rng.random_range(1.2..2.5)).round();
        let likely = likely.round().clamp(low, high);
        total += likely;
        body.push_str(&format!(
            "[[item]]\nid = \"i{i}\"\nestimate = [{low}, {likely}, {high}]\nvalue = {}\n",
            rng.random_range(1..=10)
        ));
        let priority = match rng.random_range(0..10) {
            0..=1 => "must",
            2..=5 => "should",
            6..=8 => "could",
            _ => "wont",
        };
        body.push_str(&format!("priority = \"{priority}\"\n"));
        if i > 0 && rng.random_bool(0.3) {
            body.push_str(&format!("depends = [\"i{}\"]\n", rng.random_range(0..i)));
        }
        if rng.random_bool(0.3) {
            let a = (low * 0.4).max(0.5).round();
            body.push_str(&format!(
                "alternative = {{ estimate = [{a}, {}, {}], value = {} }}\n",
                a + 1.0,
                a + 4.0,
                rng.random_range(1..=10)
            ));
        }
    }
    let budget = (total * 100.0 * rng.random_range(0.4..1.1)).round();
    toml.push_str(&format!(
        "[request]\nbudget = {budget}\ndeadline = 2027-03-01\n"
    ));
    toml.push_str(&body);
    toml
}

fn parse(toml: &str) -> crate::Brief {
    let parsed = parse_brief(toml, None);
    assert!(
        parsed.diagnostics.is_empty(),
        "{:?}\n{toml}",
        parsed.diagnostics
    );
    parsed.brief
}

/// Every valid assignment of forms, by brute force.
fn brute_force(p: &Problem, allow: bool) -> Option<(f64, Vec<Form>)> {
    let n = p.value.len();
    let forms = if allow {
        vec![Form::Left, Form::Original, Form::Alternative]
    } else {
        vec![Form::Left, Form::Original]
    };
    let mut best: Option<(f64, Vec<Form>)> = None;
    let mut index = vec![0usize; n];
    loop {
        let scope: Vec<Form> = index.iter().map(|&k| forms[k]).collect();
        if p.valid(&scope) && p.feasible(&p.hours(&scope)) {
            let value = p.value_of(&scope);
            if best.as_ref().is_none_or(|(v, _)| value > *v + 1e-9) {
                best = Some((value, scope));
            }
        }
        let mut k = 0;
        while k < n {
            index[k] += 1;
            if index[k] < forms.len() {
                break;
            }
            index[k] = 0;
            k += 1;
        }
        if k == n {
            return best;
        }
    }
}

/// No left-out item could be added (in any allowed form) while still meeting the target.
fn assert_maximal(p: &Problem, scope: &[Form], allow: bool) {
    for i in 0..scope.len() {
        if scope[i] != Form::Left || p.excluded[i] {
            continue;
        }
        for form in [Form::Original, Form::Alternative] {
            if form == Form::Alternative && (!allow || p.alternative[i].is_none()) {
                continue;
            }
            let mut bigger = scope.to_vec();
            bigger[i] = form;
            if p.valid(&bigger) {
                assert!(
                    !p.feasible(&p.hours(&bigger)),
                    "item {i} as {form:?} could still be added to {scope:?}"
                );
            }
        }
    }
}

#[test]
fn scope_search_matches_brute_force_on_small_briefs() {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
    let mut compared = 0;
    for case in 0..40 {
        let items = 3 + case % 4;
        let brief = parse(&random_brief(&mut rng, items));
        let p = problem(&brief, &settings(2_000)).unwrap();
        for allow in [false, true] {
            let ours = best_scope(&p, allow);
            let brute = brute_force(&p, allow);
            match (&ours, &brute) {
                (None, None) => {}
                (Some(scope), Some((value, _))) => {
                    assert!(p.valid(scope), "case {case}: invalid {scope:?}");
                    assert!(p.feasible(&p.hours(scope)), "case {case}: infeasible");
                    assert!(
                        (p.value_of(scope) - value).abs() < 1e-9,
                        "case {case} allow {allow}: value {} vs brute force {value}",
                        p.value_of(scope)
                    );
                    assert_maximal(&p, scope, allow);
                    compared += 1;
                }
                _ => panic!("case {case}: ours {ours:?}, brute force {brute:?}"),
            }
        }
    }
    assert!(compared > 30, "too few feasible cases compared: {compared}");
}

#[test]
fn large_briefs_get_a_maximal_scope_quickly() {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(11);
    let brief = parse(&random_brief(&mut rng, 100));
    let p = problem(&brief, &settings(5_000)).unwrap();
    for allow in [false, true] {
        if let Some(scope) = best_scope(&p, allow) {
            assert!(p.valid(&scope) && p.feasible(&p.hours(&scope)));
            assert_maximal(&p, &scope, allow);
        }
    }
}

#[test]
fn four_options_in_order_with_consistent_scopes() {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(3);
    let brief = parse(&random_brief(&mut rng, 8));
    let result = options(&brief, &settings(5_000)).unwrap();
    let kinds: Vec<Kind> = result.options.iter().map(|o| o.kind).collect();
    assert_eq!(
        kinds,
        [
            Kind::FullScopeByDeadline,
            Kind::FullScopeNormalPace,
            Kind::FitBudgetAndDeadline,
            Kind::Recommended
        ]
    );
    let normal = &result.options[1];
    assert!(normal.deferred.is_empty() && normal.rush_hours == 0.0);
    for offer in &result.options {
        for id in &offer.deferred {
            assert!(!offer.items.contains(id));
        }
        for id in &offer.swapped {
            assert!(offer.items.contains(id));
        }
        if offer.feasible && offer.kind == Kind::FitBudgetAndDeadline {
            assert!(offer.p_both >= 0.8);
        }
    }
    let json = serde_json::to_value(&result).unwrap();
    assert!(json["options"][0]["price"].is_i64(), "{json}");
}

#[test]
fn rushing_costs_more_and_finishes_sooner() {
    let toml = "[project]\nname = \"t\"\nstart = 2027-03-01\n\
        [request]\ndeadline = 2027-03-12\n\
        [me]\nrate = 1000\nhours_per_week = 20\nmax_hours_per_week = 40\nrush_surcharge = 0.5\n\
        [[item]]\nid = \"a\"\nestimate = [50, 60, 70]\npriority = \"must\"\n";
    let result = options(&parse(toml), &settings(5_000)).unwrap();
    let (rush, normal) = (&result.options[0], &result.options[1]);
    assert!(rush.feasible, "{rush:?}");
    assert!(rush.hours_per_week > 20.0 && rush.hours_per_week <= 40.0);
    assert!(rush.rush_hours > 0.0);
    assert!(rush.price > normal.price);
    assert!(rush.finish < normal.finish);

    let impossible = toml.replace("2027-03-12", "2027-03-03");
    let result = options(&parse(&impossible), &settings(5_000)).unwrap();
    assert!(!result.options[0].feasible);
    let fit = &result.options[2];
    assert!(!fit.feasible);
    assert!(fit.needs_deadline.is_some() && fit.needs_budget.is_none());
}

#[test]
fn when_not_all_musts_fit_the_recommendation_defers_some() {
    let toml = "[project]\nname = \"t\"\nstart = 2027-03-01\n\
        [request]\nbudget = 30000\n\
        [me]\nrate = 1000\nhours_per_week = 30\n\
        [[item]]\nid = \"shop\"\nestimate = [18, 20, 24]\npriority = \"must\"\nvalue = 10\n\
        [[item]]\nid = \"catalog\"\nestimate = [20, 25, 30]\npriority = \"must\"\nvalue = 5\n";
    let result = options(&parse(toml), &settings(5_000)).unwrap();
    let fit = &result.options[2];
    assert!(
        !fit.feasible,
        "the musts together cost about 45 000: {fit:?}"
    );
    let recommended = &result.options[3];
    assert!(recommended.feasible, "{recommended:?}");
    assert_eq!(recommended.items, ["shop"]);
    assert_eq!(recommended.deferred_must, ["catalog"]);
    assert!(recommended.price <= 30_000.0);
    // What the whole must-list would need is still said.
    assert!(recommended.needs_budget.is_some_and(|b| b > 30_000.0));
    let json = serde_json::to_value(&result).unwrap();
    assert_eq!(json["options"][3]["feasible"], true);
    assert_eq!(json["options"][3]["deferred_must"][0], "catalog");

    // No non-empty scope fits: the recommendation says what it takes.
    let nothing = toml.replace("budget = 30000", "budget = 5000");
    let result = options(&parse(&nothing), &settings(5_000)).unwrap();
    let recommended = &result.options[3];
    assert!(!recommended.feasible);
    assert!(recommended.deferred_must.is_empty());
    assert!(recommended.needs_budget.is_some());
}

#[test]
fn items_have_weights_and_milestones_in_order() {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(5);
    let brief = parse(&random_brief(&mut rng, 8));
    let result = options(&brief, &settings(5_000)).unwrap();
    for offer in &result.options {
        assert_eq!(offer.item_hours.len(), offer.items.len());
        assert_eq!(offer.item_finish.len(), offer.items.len());
        assert!(offer.item_hours.iter().all(|h| *h > 0.0));
        assert!(offer.item_finish.iter().all(|d| *d <= offer.finish));
    }
}
