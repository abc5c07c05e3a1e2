//! What the work will take: the Monte Carlo simulation of hours and risks, the working
//! calendar that turns hours into dates, the estimate and its verdict on the client's budget
//! and deadline, and the counter-offers. `stats` holds the quantile and summary routines
//! every part uses.

pub mod calendar;
pub mod estimate;
pub mod options;
pub mod simulate;
pub mod stats;
