//! The table plan: what the guessed (or chosen) column roles, the shape and the reading conventions
//! say about a table, everything the row builder needs. Roles are guessed in `roles`, the shape named
//! in `shape`, rows read in `rows`; the old paths (`table::Role`, `table::Builder`…) stay here.

use super::number::NumberStyle;
use super::periods::DateOrder;
use crate::period::Period;

pub use super::intern::{DimsRef, FxHasher, RawPairs, SeriesRef, SeriesTable};
pub use super::roles::{guess, Column, Role};
pub(crate) use super::rows::trim;
pub use super::rows::{Builder, Cells, Rows, MAX_KEPT};
pub use super::shape::{shape_of, Shape, ShapeFault};

/// Everything needed to turn rows into observations.
#[derive(Debug, Clone)]
pub struct Plan {
    pub shape: Shape,
    pub columns: Vec<Column>,
    /// The period of each `PeriodValue` column (by column index).
    pub header_periods: Vec<Option<Period>>,
    /// The indicator id when no column gives it (file stem, Open SDG number).
    pub default_indicator: String,
    pub style: NumberStyle,
    pub date_order: DateOrder,
    pub flags: bool,
    pub missing: Vec<String>,
    /// `YYYY-YY` labels are spans of years (`1985-87`), not months, because some `YY` exceed 12.
    pub yy_spans: bool,
    /// Eurostat: how many comma-joined dimension codes the first cell holds (0: no splitting).
    pub split_first: usize,
}
