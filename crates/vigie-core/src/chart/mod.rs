//! Charts: what an indicator chart shows, downsampling (LTTB), hit-testing and drawing functions
//! generic over plotters' `DrawingBackend`, so the canvas in the browser and SVG in native tests and
//! exports come from the same code.
//!
//! Time axis: a value is placed at the start of its period (the year 2021 at x = 2021.0), so a
//! yearly point sits on its year's tick. The KPI engine reasons with period ends; for a series of
//! one frequency that is the same geometry shifted by one period.

pub mod compare;
mod draw;
pub mod hit;
pub mod lttb;
pub mod text;
pub mod view;

pub use draw::*;
