//! What can be wrong with an input file: `ProblemKind` says what (with its data as values, never as
//! a sentence), `Problem` says where. The sentences are in the language tables (`i18n`), which also
//! give `Problem` its (English) `Display`.

use super::number::NumberFault;
use super::paths::PathRefusal;
use serde::{Deserialize, Serialize};

/// One thing wrong with an input file, located so a person can find it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub struct Problem {
    /// The file's name or path as the person knows it.
    pub file: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column (in characters); 0 when the problem concerns a whole line or file.
    pub column: usize,
    /// The text found there (shortened), if any.
    pub found: String,
    /// What was expected instead.
    pub kind: ProblemKind,
}

impl Problem {
    /// The text of `file` is not JSON: the parser's message, at its line and column.
    pub fn invalid_json(file: &str, e: &serde_json::Error) -> Problem {
        Problem::at(
            file,
            e.line(),
            e.column(),
            "",
            ProblemKind::InvalidJson {
                message: e.to_string(),
            },
        )
    }

    /// A problem at a place in a file; `found` is shortened to 60 characters.
    pub fn at(file: &str, line: usize, column: usize, found: &str, kind: ProblemKind) -> Problem {
        let mut found = found.to_owned();
        if found.chars().count() > 60 {
            found = found.chars().take(57).collect::<String>() + "…";
        }
        Problem {
            file: file.to_owned(),
            line,
            column,
            found,
            kind,
        }
    }
}

/// Which milestone of an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MilestoneName {
    Baseline,
    Target,
}

/// What was expected where a problem lies. In JSON, an object whose `type` is the variant's name
/// (`{"type": "TooManyFields", "expected": 3, "found": 4}`); `tag` gives that name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum ProblemKind {
    // The whole file.
    /// The file is empty (or only blank).
    EmptyFile,
    /// The file holds binary bytes, not text.
    BinaryFile,
    /// The file is indicator metadata (`.md`, `.yml`), to import with its data.
    MetadataOnly,
    /// The file is a Table Schema: columns, no values.
    TableSchemaOnly,
    /// A gzip file inside a gzip file.
    NestedGzip,
    /// The gzip stream cannot be read, and why.
    UnreadableGzip { reason: super::zip::ZipError },
    /// The XLSX workbook (a zip archive) cannot be read, and why.
    UnreadableXlsx { reason: super::zip::ZipError },
    /// No worksheet row has a header and data after it.
    EmptyWorksheet,
    /// The person cancelled the import.
    Cancelled,

    // Delimited text.
    /// A quoted field runs to the end of the file.
    UnterminatedQuote,
    /// Text after a closing quote, before the delimiter.
    TextAfterQuote,
    /// A quote in the middle of an unquoted field.
    StrayQuote,

    // The table's header and rows.
    /// The header row names no column.
    EmptyHeader,
    /// A column name appears twice in the header.
    DuplicateColumn,
    /// A header and no data row.
    NoDataRows,
    /// A header with more columns than the import reads (`max`, a bound on memory).
    TooManyColumns { max: usize, found: usize },
    /// No period column nor periods as headers; `chosen` when the roles were the person's.
    NoPeriodColumn { chosen: bool },
    /// A period column but no column of values; `chosen` when the roles were the person's.
    NoValueColumn { chosen: bool },
    /// A column given the role "period as header" whose header is not a period.
    NotAPeriodHeader,
    /// A row wider than the header (with text past it).
    TooManyFields { expected: usize, found: usize },
    /// A row narrower than the header: the rest is read as empty (a warning).
    TooFewFields { expected: usize, found: usize },
    /// A row whose width is not the header's.
    WrongFieldCount { expected: usize, found: usize },
    /// A one-cell line after the data, skipped (a warning).
    FooterSkipped,
    /// Every value cell is empty or missing.
    NoValues,

    // Cells.
    /// Not a number.
    NotANumber,
    /// A number too large for a 64-bit float.
    NumberOutOfRange,
    /// Two decimal separators in one number.
    TwoDecimalSeparators,
    /// A grouping separator after the decimal separator.
    GroupingAfterDecimal,
    /// A number written with the other decimal separator than `decimal`, the file's.
    WrongDecimalSeparator { decimal: char },
    /// A number with spaces, in a file where no thousands separator was detected.
    NoThousandsSeparator,
    /// A value that looks like a suppression code (-6666…), kept as a value (a warning).
    SuppressionCode,
    /// Not a period in any of the forms the importer reads.
    UnknownPeriod,
    /// Not a period as Vigie's native format writes them (2021, 2021-Q3, 2021-06, 2021-06-30).
    NotAnIsoPeriod,
    /// Not a day as Vigie's native format writes dates (2021-06-30).
    NotAnIsoDate,
    /// A date that does not exist (2019-02-30).
    NoSuchDate,
    /// Not a month name.
    NotAMonth,
    /// An empty indicator id.
    MissingIndicatorId,
    /// An indicator id outside the known list (`known` holds its first few).
    UnknownIndicator { known: Vec<String> },
    /// An indicator with a second unit; the others are kept as a `unit` dimension (a warning).
    MixedUnits { first: String },

    // JSON.
    /// The text is not JSON; `message` is the parser's.
    InvalidJson { message: String },
    /// The import options are not valid JSON options; `message` is the parser's.
    InvalidOptions { message: String },
    /// JSON that is neither records nor a Data Package descriptor.
    UnknownJsonShape,
    /// A boundary file that is neither a GeoJSON `FeatureCollection` nor a TopoJSON `Topology` with
    /// polygons.
    NotBoundaries,
    /// A feature whose geometry's coordinates are not what its type says.
    BadGeometry,
    /// An empty array of records.
    NoRecords,
    /// Records as arrays whose first array is not column names.
    NoColumnNames,
    /// A record that is not an array of numbers and texts.
    NotARowArray,
    /// A record that is not an object.
    NotARecord,
    /// A nested object or array in field `key`.
    NestedValue { key: String },
    /// A problem in the inline `data` of a Data Package resource.
    InlineData {
        resource: String,
        problem: Box<ProblemKind>,
    },

    // Data Packages.
    /// The descriptor is not a JSON object.
    NotADescriptor,
    /// The descriptor has no `resources` array.
    NoResources,
    /// The descriptor lacks a resource Vigie's native format requires.
    MissingResource { name: String },
    /// A resource path Vigie refuses to open (`resources[index].path`), with the reason.
    BadResourcePath {
        index: usize,
        resource: String,
        refusal: PathRefusal,
    },
    /// A resource without a Table Schema listing its `fields`.
    NoTableSchema { resource: String },
    /// A resource's file was not given with the descriptor.
    MissingResourceFile { resource: String },
    /// A package none of whose resources can be read.
    NoReadableResource,
    /// An empty resource file: its header should be `columns`.
    MissingHeader { columns: Vec<String> },
    /// A header column other than the schema's `name`.
    MissingColumn { name: String },
    /// More header columns than the schema's `max`.
    ExtraColumn { max: usize },
    /// Not an identifier (letters, digits, `-`, `_`, `.`).
    BadIdentifier,
    /// An identifier already used on an earlier line.
    DuplicateId,
    /// An id that the package's `resource` does not define.
    UnknownReference { resource: String },
    /// Not one of `options`.
    OneOf { options: Vec<String> },
    /// A number of decimals above `max`.
    BadPrecision { max: u8 },
    /// Two observations of one indicator for one period.
    DuplicateObservation,
    /// A milestone's period without its value.
    MilestoneWithoutValue { milestone: MilestoneName },

    // Indicator metadata.
    /// A value of Open SDG's `progress_calculation_options` (or of its `progress_thresholds`)
    /// that Vigie cannot use: `key` is where, `expected` what it should be.
    ProgressOption {
        key: String,
        expected: ProgressOptionValue,
    },
}

/// What a `progress_calculation_options` value should be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProgressOptionValue {
    /// A list of mappings, one per series (`- base_year: 2015`).
    EntryList,
    /// A key Vigie reads (`base_year`, `target`, `target_year`, `direction`, `limit`,
    /// `progress_thresholds`, `series`, `unit`).
    Key,
    /// A key of `progress_thresholds` (`high`, `med`, `low`).
    ThresholdKey,
    /// A year written as a whole number (`2015`).
    Year,
    /// A finite number written plainly (`0.5`, `-2`).
    Number,
    /// `positive` or `negative`.
    Direction,
    /// A non-empty text.
    Text,
    /// A mapping of `high`, `med` and `low`.
    Thresholds,
    /// One entry only: Vigie measures the first and leaves the others out (a warning).
    SingleEntry,
}

impl ProblemKind {
    /// The variant's name, as in JSON's `type`.
    pub fn tag(&self) -> &'static str {
        use ProblemKind::*;
        match self {
            EmptyFile => "EmptyFile",
            BinaryFile => "BinaryFile",
            MetadataOnly => "MetadataOnly",
            TableSchemaOnly => "TableSchemaOnly",
            NestedGzip => "NestedGzip",
            UnreadableGzip { .. } => "UnreadableGzip",
            UnreadableXlsx { .. } => "UnreadableXlsx",
            EmptyWorksheet => "EmptyWorksheet",
            Cancelled => "Cancelled",
            UnterminatedQuote => "UnterminatedQuote",
            TextAfterQuote => "TextAfterQuote",
            StrayQuote => "StrayQuote",
            EmptyHeader => "EmptyHeader",
            DuplicateColumn => "DuplicateColumn",
            NoDataRows => "NoDataRows",
            TooManyColumns { .. } => "TooManyColumns",
            NoPeriodColumn { .. } => "NoPeriodColumn",
            NoValueColumn { .. } => "NoValueColumn",
            NotAPeriodHeader => "NotAPeriodHeader",
            TooManyFields { .. } => "TooManyFields",
            TooFewFields { .. } => "TooFewFields",
            WrongFieldCount { .. } => "WrongFieldCount",
            FooterSkipped => "FooterSkipped",
            NoValues => "NoValues",
            NotANumber => "NotANumber",
            NumberOutOfRange => "NumberOutOfRange",
            TwoDecimalSeparators => "TwoDecimalSeparators",
            GroupingAfterDecimal => "GroupingAfterDecimal",
            WrongDecimalSeparator { .. } => "WrongDecimalSeparator",
            NoThousandsSeparator => "NoThousandsSeparator",
            SuppressionCode => "SuppressionCode",
            UnknownPeriod => "UnknownPeriod",
            NotAnIsoPeriod => "NotAnIsoPeriod",
            NotAnIsoDate => "NotAnIsoDate",
            NoSuchDate => "NoSuchDate",
            NotAMonth => "NotAMonth",
            MissingIndicatorId => "MissingIndicatorId",
            UnknownIndicator { .. } => "UnknownIndicator",
            MixedUnits { .. } => "MixedUnits",
            InvalidJson { .. } => "InvalidJson",
            InvalidOptions { .. } => "InvalidOptions",
            UnknownJsonShape => "UnknownJsonShape",
            NotBoundaries => "NotBoundaries",
            BadGeometry => "BadGeometry",
            NoRecords => "NoRecords",
            NoColumnNames => "NoColumnNames",
            NotARowArray => "NotARowArray",
            NotARecord => "NotARecord",
            NestedValue { .. } => "NestedValue",
            InlineData { .. } => "InlineData",
            NotADescriptor => "NotADescriptor",
            NoResources => "NoResources",
            MissingResource { .. } => "MissingResource",
            BadResourcePath { .. } => "BadResourcePath",
            NoTableSchema { .. } => "NoTableSchema",
            MissingResourceFile { .. } => "MissingResourceFile",
            NoReadableResource => "NoReadableResource",
            MissingHeader { .. } => "MissingHeader",
            MissingColumn { .. } => "MissingColumn",
            ExtraColumn { .. } => "ExtraColumn",
            BadIdentifier => "BadIdentifier",
            DuplicateId => "DuplicateId",
            UnknownReference { .. } => "UnknownReference",
            OneOf { .. } => "OneOf",
            BadPrecision { .. } => "BadPrecision",
            DuplicateObservation => "DuplicateObservation",
            MilestoneWithoutValue { .. } => "MilestoneWithoutValue",
            ProgressOption { .. } => "ProgressOption",
        }
    }

    /// One value of every variant (for tests of the language tables and of `tag`).
    #[cfg(test)]
    pub(crate) fn examples() -> Vec<ProblemKind> {
        use ProblemKind::*;
        let s = |t: &str| t.to_owned();
        vec![
            EmptyFile,
            BinaryFile,
            MetadataOnly,
            TableSchemaOnly,
            NestedGzip,
            UnreadableGzip {
                reason: super::zip::ZipError::TooLarge { limit_mib: 256 },
            },
            UnreadableXlsx {
                reason: super::zip::ZipError::DocumentType {
                    part: s("xl/a.xml"),
                },
            },
            EmptyWorksheet,
            Cancelled,
            UnterminatedQuote,
            TextAfterQuote,
            StrayQuote,
            EmptyHeader,
            DuplicateColumn,
            NoDataRows,
            TooManyColumns {
                max: 16_384,
                found: 1_000_000,
            },
            NoPeriodColumn { chosen: false },
            NoValueColumn { chosen: true },
            NotAPeriodHeader,
            TooManyFields {
                expected: 3,
                found: 4,
            },
            TooFewFields {
                expected: 3,
                found: 2,
            },
            WrongFieldCount {
                expected: 5,
                found: 2,
            },
            FooterSkipped,
            NoValues,
            NotANumber,
            NumberOutOfRange,
            TwoDecimalSeparators,
            GroupingAfterDecimal,
            WrongDecimalSeparator { decimal: ',' },
            NoThousandsSeparator,
            SuppressionCode,
            UnknownPeriod,
            NotAnIsoPeriod,
            NotAnIsoDate,
            NoSuchDate,
            NotAMonth,
            MissingIndicatorId,
            UnknownIndicator {
                known: vec![s("a"), s("b")],
            },
            MixedUnits { first: s("%") },
            InvalidJson {
                message: s("EOF while parsing"),
            },
            InvalidOptions {
                message: s("unknown variant"),
            },
            UnknownJsonShape,
            NotBoundaries,
            BadGeometry,
            NoRecords,
            NoColumnNames,
            NotARowArray,
            NotARecord,
            NestedValue { key: s("value") },
            InlineData {
                resource: s("obs"),
                problem: Box::new(NotARecord),
            },
            NotADescriptor,
            NoResources,
            MissingResource { name: s("axes") },
            BadResourcePath {
                index: 0,
                resource: s("axes"),
                refusal: PathRefusal::ParentSegment,
            },
            NoTableSchema {
                resource: s("axes"),
            },
            MissingResourceFile { resource: s("obs") },
            NoReadableResource,
            MissingHeader {
                columns: vec![s("id"), s("name_fr")],
            },
            MissingColumn { name: s("period") },
            ExtraColumn { max: 5 },
            BadIdentifier,
            DuplicateId,
            UnknownReference {
                resource: s("axes"),
            },
            OneOf {
                options: vec![s("input"), s("output")],
            },
            BadPrecision { max: 6 },
            DuplicateObservation,
            MilestoneWithoutValue {
                milestone: MilestoneName::Target,
            },
            ProgressOption {
                key: s("target_year"),
                expected: ProgressOptionValue::Year,
            },
        ]
    }
}

impl From<NumberFault> for ProblemKind {
    fn from(f: NumberFault) -> Self {
        match f {
            NumberFault::NotANumber => ProblemKind::NotANumber,
            NumberFault::OutOfRange => ProblemKind::NumberOutOfRange,
            NumberFault::TwoDecimalSeparators => ProblemKind::TwoDecimalSeparators,
            NumberFault::GroupingAfterDecimal => ProblemKind::GroupingAfterDecimal,
            NumberFault::WrongDecimalSeparator(decimal) => {
                ProblemKind::WrongDecimalSeparator { decimal }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn found_is_shortened() {
        let p = Problem::at("a.csv", 1, 1, &"x".repeat(100), ProblemKind::NotANumber);
        assert_eq!(p.found.chars().count(), 58);
        assert!(p.found.ends_with('…'));
    }

    #[test]
    fn the_tag_is_the_json_type_and_kinds_round_trip() {
        let all = ProblemKind::examples();
        let mut tags: Vec<&str> = all.iter().map(ProblemKind::tag).collect();
        for k in &all {
            let v = serde_json::to_value(k).unwrap();
            assert_eq!(v["type"], k.tag(), "{v}");
            let back: ProblemKind = serde_json::from_value(v).unwrap();
            assert_eq!(&back, k);
        }
        tags.sort_unstable();
        tags.dedup();
        assert_eq!(tags.len(), all.len(), "one example per variant");
        let p = Problem::at(
            "a.csv",
            2,
            3,
            "x",
            ProblemKind::TooManyFields {
                expected: 3,
                found: 4,
            },
        );
        let text = serde_json::to_string(&p).unwrap();
        assert!(
            text.contains(r#""kind":{"type":"TooManyFields","expected":3,"found":4}"#),
            "{text}"
        );
        assert_eq!(serde_json::from_str::<Problem>(&text).unwrap(), p);
    }
}
