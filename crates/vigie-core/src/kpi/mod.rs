//! The KPI engine: progress, trajectory and status, Open SDG progress, forecast, collection and
//! roll-ups, each result carrying its inputs and its formula; `evaluate` computes them all.
//!
//! Time convention, used by every method: a value, a baseline or a target of a period is placed at
//! the END of that period (the year 2021 at 2022-01-01 00:00, i.e. 2022.0 on the fractional-year
//! axis), and an observation is known "as of" a date D when its period's last day is on or before D
//! (the value of 2021 counts from the as-of date 2021-12-31 on). An as-of date D stands for the end
//! of day D.
//!
//! Other choices, documented where they are made: values of one period combine by the indicator's
//! aggregation before any method sees them; the Open SDG method reads times on the same axis (for
//! yearly data the differences are the reference's whole years), with the baseline's period as base
//! year; `Formula`s write their numeric text only when asked, so evaluating stays cheap.

pub mod assessment;
pub mod collection;
pub mod evaluate;
pub mod explain;
pub mod forecast;
pub mod methodology;
pub mod progress;
pub mod rollup;
pub mod sdg;
pub mod synthetic;
pub mod trajectory;

pub use evaluate::{evaluate, evaluate_one, Evaluation, IndicatorResult, Options, Status};
pub use progress::{indicator_progress, progress_rate, NoRate};
