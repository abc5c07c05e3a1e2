//! One simulation per request: the estimate, the options and the review's triangle findings
//! of a brief read from a single run of the simulator.
//!
//! A front end that shows an offer needs the estimate of the wanted scope, often the
//! counter-offers, and the review's verdict on the client's budget and deadline. Simulated
//! apart, they cost two or three runs and could disagree (the review used its own seed).
//! [`forecast`] builds the simulator once: the wanted scope is run whole for the estimate,
//! and, when the options are asked for, each item on the same random numbers for the scope
//! search. The review takes the estimate through `review::Pending::finish` (its tests
//! count the simulators built).
//!
//! The figures are the same bits as [`estimate`](crate::forecast::estimate::estimate) and
//! [`options`](crate::forecast::options::options) give on their own: the simulator gives an
//! item the same draws whatever else is in the model.

use crate::brief::Brief;
use crate::forecast::estimate::{self, EstimateError, Report, Settings};
use crate::forecast::options::{self, Options};

/// What a request shows of a brief's future, from one simulation.
pub struct Forecast {
    /// The wanted scope at normal capacity.
    pub report: Report,
    /// The four counter-offers, when asked for.
    pub options: Option<Options>,
}

/// Simulates `brief` once with `settings`: its estimate, and its options when `with_options`.
pub fn forecast(
    brief: &Brief,
    settings: &Settings,
    with_options: bool,
) -> Result<Forecast, EstimateError> {
    let mask = estimate::check(brief, settings)?;
    if !with_options {
        return Ok(Forecast {
            report: estimate::estimate(brief, settings)?,
            options: None,
        });
    }
    let mut problem = options::problem_with(brief, settings, Some(&mask))?;
    let report = match problem.draws.wanted.take() {
        Some(samples) => estimate::report_of(brief, settings, samples)?,
        None => estimate::estimate(brief, settings)?,
    };
    let options = options::options_of(brief, settings, &problem)?;
    Ok(Forecast {
        report,
        options: Some(options),
    })
}
