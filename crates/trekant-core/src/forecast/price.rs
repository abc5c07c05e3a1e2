//! Firm prices for an offer: the price at the confidence rounded up to a round number, VAT
//! (moms) on top, the total split over the items and the payment plan in whole currency
//! units that sum exactly, and each payment's date.
//!
//! Business offers quote ex. VAT (moms shown beside it); consumer offers lead with the
//! price incl. VAT, so that is the number rounded, split and paid in instalments.

use jiff::civil::Date;
use serde::Serialize;

use crate::brief::{Brief, Customer, PaymentAt};
use crate::forecast::options::Offer;

/// `amount` rounded up to a multiple of `step` (a `step` ≤ 0 rounds up to a whole unit).
/// Amounts a hair above a multiple (float noise, below a millionth of a step) stay on it.
pub fn round_up(amount: f64, step: f64) -> i64 {
    if !amount.is_finite() || amount <= 0.0 {
        return 0;
    }
    let step = if step.is_finite() && step > 0.0 {
        step
    } else {
        1.0
    };
    let steps = (amount / step - 1e-6).ceil().max(0.0);
    (steps * step).round() as i64
}

/// `total` split over `weights` in whole units that sum exactly to `total`: each part gets
/// the floor of its exact share, and the units left over go to the largest remainders
/// (ties to the earlier part). Without any positive weight, the parts are equal.
pub fn split(total: i64, weights: &[f64]) -> Vec<i64> {
    if weights.is_empty() {
        return Vec::new();
    }
    let clean: Vec<f64> = weights
        .iter()
        .map(|w| if w.is_finite() && *w > 0.0 { *w } else { 0.0 })
        .collect();
    let sum: f64 = clean.iter().sum();
    let shares: Vec<f64> = if sum > 0.0 {
        clean.iter().map(|w| w / sum).collect()
    } else {
        vec![1.0 / weights.len() as f64; weights.len()]
    };
    let exact: Vec<f64> = shares.iter().map(|s| s * total as f64).collect();
    let mut parts: Vec<i64> = exact.iter().map(|e| e.floor() as i64).collect();
    let mut left = total - parts.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| {
        let ra = exact[a] - exact[a].floor();
        let rb = exact[b] - exact[b].floor();
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    // `left` is below the number of parts, up to float error; cycling keeps it exact.
    let mut k = 0;
    while left > 0 {
        parts[order[k % order.len()]] += 1;
        left -= 1;
        k += 1;
    }
    while left < 0 {
        let i = order[order.len() - 1 - k % order.len()];
        if parts[i] > 0 {
            parts[i] -= 1;
            left += 1;
        }
        k += 1;
    }
    parts
}

/// A fixed price ex. VAT, its VAT and the total incl. VAT, in whole units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Amounts {
    pub ex_vat: i64,
    pub vat: i64,
    pub incl_vat: i64,
}

impl Amounts {
    /// The firm price of a cost at the confidence: rounded up on the basis the customer
    /// reads (ex. VAT for a business, incl. VAT for a consumer).
    pub fn firm(cost: f64, vat_rate: f64, round_to: f64, customer: Customer) -> Amounts {
        match customer {
            Customer::Business => {
                let ex_vat = round_up(cost, round_to);
                let vat = (ex_vat as f64 * vat_rate).round() as i64;
                Amounts {
                    ex_vat,
                    vat,
                    incl_vat: ex_vat + vat,
                }
            }
            Customer::Consumer => {
                let incl_vat = round_up(cost * (1.0 + vat_rate), round_to);
                let ex_vat = (incl_vat as f64 / (1.0 + vat_rate)).round() as i64;
                Amounts {
                    ex_vat,
                    vat: incl_vat - ex_vat,
                    incl_vat,
                }
            }
        }
    }

    /// The amount the customer reads first: ex. VAT for a business, incl. for a consumer.
    pub fn headline(&self, customer: Customer) -> i64 {
        match customer {
            Customer::Business => self.ex_vat,
            Customer::Consumer => self.incl_vat,
        }
    }
}

/// One item's part of the price, on the headline basis.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemPrice {
    pub id: String,
    pub amount: i64,
    /// The date the item is done at the confidence.
    pub finish: Date,
}

/// One payment of the plan, on the headline basis.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Payment {
    pub share: f64,
    pub at: PaymentAt,
    pub amount: i64,
    /// When it falls due: the start, the delivery, or the item's finish at the confidence.
    pub date: Date,
}

/// One option priced as an offer the client can accept.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Priced {
    pub customer: Customer,
    pub vat_rate: f64,
    pub round_to: f64,
    pub total: Amounts,
    /// The basis of `items` and `payments`: `total.ex_vat` for a business, `total.incl_vat`
    /// for a consumer.
    pub headline: i64,
    pub items: Vec<ItemPrice>,
    pub payments: Vec<Payment>,
    /// The deferred items, priced apart (rounded the same way), when there are any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phase2: Option<Amounts>,
}

/// Prices `offer` for `brief`'s client by its terms; `start` dates a payment due at start.
pub fn price(brief: &Brief, offer: &Offer, start: Date) -> Priced {
    let customer = brief.customer();
    let vat_rate = brief.vat();
    let round_to = brief.round_to();
    let total = Amounts::firm(offer.price, vat_rate, round_to, customer);
    let headline = total.headline(customer);
    let weights: Vec<f64> = if offer.item_hours.len() == offer.items.len() {
        offer.item_hours.clone()
    } else {
        vec![1.0; offer.items.len()]
    };
    let items = split(headline, &weights)
        .into_iter()
        .enumerate()
        .map(|(k, amount)| ItemPrice {
            id: offer.items[k].clone(),
            amount,
            finish: offer.item_finish.get(k).copied().unwrap_or(offer.finish),
        })
        .collect();
    let plan = brief.payment_plan();
    let shares: Vec<f64> = plan.iter().map(|(share, _)| *share).collect();
    let payments = split(headline, &shares)
        .into_iter()
        .zip(plan)
        .map(|(amount, (share, at))| {
            let date = match &at {
                PaymentAt::Start => start,
                PaymentAt::Delivery => offer.finish,
                PaymentAt::Item(id) => offer
                    .items
                    .iter()
                    .position(|i| i == id)
                    .and_then(|k| offer.item_finish.get(k).copied())
                    // An item outside this option's scope: paid with the delivery.
                    .unwrap_or(offer.finish),
            };
            Payment {
                share,
                at,
                amount,
                date,
            }
        })
        .collect();
    let phase2 = (!offer.deferred.is_empty() && offer.phase2_price > 0.0)
        .then(|| Amounts::firm(offer.phase2_price, vat_rate, round_to, customer));
    Priced {
        customer,
        vat_rate,
        round_to,
        total,
        headline,
        items,
        payments,
        phase2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_up_to_the_step() {
        assert_eq!(round_up(69_282.4, 500.0), 69_500);
        assert_eq!(round_up(69_000.0, 500.0), 69_000);
        assert_eq!(round_up(69_000.000_001, 500.0), 69_000);
        assert_eq!(round_up(69_001.0, 500.0), 69_500);
        assert_eq!(round_up(1.2, 100.0), 100);
        assert_eq!(round_up(0.0, 100.0), 0);
        assert_eq!(round_up(12.3, 0.0), 13);
    }

    #[test]
    fn splits_by_largest_remainder() {
        // 100 over three equal weights: 33.33 each, the first remainder gets the extra unit.
        assert_eq!(split(100, &[1.0, 1.0, 1.0]), vec![34, 33, 33]);
        assert_eq!(split(10, &[0.3, 0.7]), vec![3, 7]);
        // Exact shares: 5.5, 2.75, 1.75 → floors 5, 2, 1; two units to .75 and .75.
        assert_eq!(split(10, &[0.55, 0.275, 0.175]), vec![5, 3, 2]);
        assert_eq!(split(7, &[0.0, 0.0]), vec![4, 3]);
        assert!(split(5, &[]).is_empty());
    }

    #[test]
    fn split_always_sums_to_the_total() {
        let weights = [13.7, 2.1, 8.8, 0.4, 21.0, 5.5, 9.9];
        for total in [0, 1, 99, 69_500, 1_234_567] {
            let parts = split(total, &weights);
            assert_eq!(parts.iter().sum::<i64>(), total, "{total}");
            assert!(parts.iter().all(|p| *p >= 0));
            // Every part is within one unit of its exact share.
            let sum: f64 = weights.iter().sum();
            for (p, w) in parts.iter().zip(weights) {
                assert!((*p as f64 - total as f64 * w / sum).abs() < 1.0);
            }
        }
    }

    #[test]
    fn business_quotes_ex_vat_and_consumer_incl() {
        let b = Amounts::firm(69_282.0, 0.25, 500.0, Customer::Business);
        assert_eq!(
            b,
            Amounts {
                ex_vat: 69_500,
                vat: 17_375,
                incl_vat: 86_875
            }
        );
        assert_eq!(b.headline(Customer::Business), 69_500);
        let c = Amounts::firm(69_282.0, 0.25, 500.0, Customer::Consumer);
        // 69 282 × 1.25 = 86 602.5 → 87 000 incl., of which 17 400 moms.
        assert_eq!(
            c,
            Amounts {
                ex_vat: 69_600,
                vat: 17_400,
                incl_vat: 87_000
            }
        );
        assert_eq!(c.headline(Customer::Consumer), 87_000);
    }
}
