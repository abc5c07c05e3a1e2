//! The provider's track record: finished tasks with their estimates and actual hours (and
//! their CSV form), time-tracker exports, the calibration learnt from them, estimating habits,
//! and the backtest that checks the calibration against the provider's own past.

pub mod backtest;
pub mod calibration;
pub mod detect;
pub mod habits;
pub mod person;
mod records;
pub mod timesheet;

pub use records::*;
