//! What the work will take: the Monte Carlo simulation of hours and risks, the working
//! calendar that turns hours into dates, the estimate and its verdict on the client's budget
//! and deadline, the counter-offers, the price of a change request, and a tracked project's
//! forecast. The quantiles and summaries they read come from `crate::stats`.

pub mod calendar;
pub mod change;
pub mod estimate;
pub mod options;
pub mod price;
pub mod run;
pub mod simulate;
pub mod tracking;
