//! The shape of a table (Vigie's native package, Open SDG, tidy/long, wide, one series per column like
//! OWID) that a set of column roles describes, and what a set of roles lacks to describe one.

use super::roles::{Column, Role};
use super::ProblemKind;
use serde::{Deserialize, Serialize};

/// The layout of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shape {
    /// Vigie's own Data Package.
    Native,
    /// Open SDG indicator CSV: `Year`, disaggregations, `Value`.
    OpenSdg,
    /// One row per indicator (or one indicator), period, dimensions and value.
    Tidy,
    /// Periods as columns (World Bank, Eurostat, year columns).
    Wide,
    /// A period column and one indicator per value column (OWID).
    Columns,
}

/// What a set of roles lacks to describe a table of indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShapeFault {
    /// No period column, nor periods as column headers.
    NoPeriod,
    /// A period column but no column of numbers next to it.
    NoValue,
}

impl ShapeFault {
    /// The problem, `chosen` when the person gave the roles.
    pub fn kind(self, chosen: bool) -> ProblemKind {
        match self {
            ShapeFault::NoPeriod => ProblemKind::NoPeriodColumn { chosen },
            ShapeFault::NoValue => ProblemKind::NoValueColumn { chosen },
        }
    }
}

/// The shape that a set of roles describes, or what is missing.
pub fn shape_of(columns: &[Column], open_sdg: bool) -> Result<Shape, ShapeFault> {
    let has = |r: Role| columns.iter().any(|c| c.role == r);
    if has(Role::PeriodValue) {
        Ok(Shape::Wide)
    } else if has(Role::Period) && has(Role::Value) {
        Ok(if open_sdg {
            Shape::OpenSdg
        } else {
            Shape::Tidy
        })
    } else if has(Role::Period) && has(Role::Series) {
        Ok(Shape::Columns)
    } else if has(Role::Period) {
        Err(ShapeFault::NoValue)
    } else {
        Err(ShapeFault::NoPeriod)
    }
}
