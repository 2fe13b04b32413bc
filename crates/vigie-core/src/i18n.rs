//! Every user-facing string, in French (the default) and English. Components never hold literals.

use crate::export::{ExportError, RowFault, PACKAGE_NAME};
use crate::ingest::paths::PathRefusal;
use crate::ingest::{MilestoneName, Problem, ProblemKind, ProgressOptionValue};
use crate::kpi::sdg::SdgStatusKind;
use crate::model::{Direction, Kind, Provenance};

pub use crate::lang::Lang;

impl Lang {
    /// The strings of this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }

    /// The name of an Open SDG status line (`SdgProgress::statuses`).
    pub fn sdg_status_kind(self, kind: SdgStatusKind) -> &'static str {
        match (self, kind) {
            (Lang::Fr, SdgStatusKind::Both) => "Statut (seuils et score concordent)",
            (Lang::En, SdgStatusKind::Both) => "Status (thresholds and score agree)",
            (Lang::Fr, SdgStatusKind::Threshold) => "Statut selon les seuils (Vigie)",
            (Lang::En, SdgStatusKind::Threshold) => "Status from the thresholds (Vigie)",
            (Lang::Fr, SdgStatusKind::Published) => "Statut publié par Open SDG (selon le score)",
            (Lang::En, SdgStatusKind::Published) => "Status Open SDG publishes (from the score)",
        }
    }
}

/// The app's fixed strings.
pub struct Strings {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub loading: &'static str,
    /// Said when the wasm of the workshop, data manager and import pages could not be fetched.
    pub full_failed: &'static str,
    pub full_retry: &'static str,
    pub load_failed: &'static str,
    pub indicators: &'static str,
    pub indicator: &'static str,
    pub latest_value: &'static str,
    pub baseline: &'static str,
    pub target: &'static str,
    pub progress: &'static str,
    pub no_value: &'static str,
    pub series_only: &'static str,
    pub series_left_out: &'static str,
    pub rows_left_out: &'static str,
    pub series_col: &'static str,
    pub no_rate_baseline: &'static str,
    pub no_rate_target: &'static str,
    pub no_rate_data: &'static str,
    pub no_rate_headline: &'static str,
    pub no_rate_equal: &'static str,
    pub kind_input: &'static str,
    pub kind_output: &'static str,
    pub kind_outcome: &'static str,
    pub direction_increase: &'static str,
    pub direction_decrease: &'static str,
    pub from_report: &'static str,
    pub illustrative: &'static str,
    pub imported: &'static str,
    pub illustrative_help: &'static str,
    pub source: &'static str,
    pub back_to_dashboard: &'static str,
    /// An axis page (`/axis/<id>`): its label, its projects, the KPI frame's heading and help.
    pub axis_label: &'static str,
    pub project_label: &'static str,
    pub projects_of_axis: &'static str,
    pub kpi_frame: &'static str,
    pub kpi_frame_help: &'static str,
    pub no_indicator_of_kind: &'static str,
    pub open_page: &'static str,
    pub not_found: &'static str,
    pub chart_caption: &'static str,
    pub observations: &'static str,
    pub period: &'static str,
    pub value: &'static str,
    pub note: &'static str,
    pub provenance: &'static str,
    pub definition: &'static str,
    pub unit: &'static str,
    pub direction: &'static str,
    pub switch_language: &'static str,
    pub switch_language_label: &'static str,
    /// The button that opens the navigation on a narrow screen.
    pub menu: &'static str,
    /// Its accessible name (the navigation it opens).
    pub menu_label: &'static str,
    /// The top bar's search box: its accessible name, its placeholder, the count of hits (singular,
    /// plural), what it says when nothing matches, and how to use it with the keyboard.
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub search_hits: [&'static str; 2],
    pub search_none: &'static str,
    pub search_shown: &'static str,
    pub search_help: &'static str,
    /// The assessment page (`/assessment`): its link, title and introduction, the three moments, the
    /// date the KPIs are shown as of, where a statement comes from, and what it says without any.
    pub assessment_nav: &'static str,
    pub assessment_title: &'static str,
    pub assessment_intro: &'static str,
    pub moment_start: &'static str,
    pub moment_midway: &'static str,
    pub moment_final: &'static str,
    pub kpis_as_of: &'static str,
    pub statement_source: &'static str,
    pub no_assessment: &'static str,
    pub all_actions: &'static str,
    pub see_assessment: &'static str,
    pub legend_observed: &'static str,
    pub legend_trajectory: &'static str,
    pub data_origin: &'static str,
    pub stored_locally: &'static str,
    pub origin_store: &'static str,
    pub origin_network: &'static str,
    pub origin_memory: &'static str,
    pub report_explained: &'static str,
    pub illustrative_explained: &'static str,
    pub imported_explained: &'static str,
    pub indicators_count: &'static str,
    pub indicators_title: &'static str,
    pub other_indicators: &'static str,
    pub with_value: &'static str,
    pub with_rate: &'static str,
    pub programme_source: &'static str,
    pub as_of: &'static str,
    pub today: &'static str,
    pub kind_filter: &'static str,
    pub kind_all: &'static str,
    pub weighted_progress: &'static str,
    pub status: &'static str,
    pub collection: &'static str,
    pub overdue: &'static str,
    pub overdue_none: &'static str,
    pub left_out: &'static str,
    pub show_formula: &'static str,
    pub formula: &'static str,
    pub with_numbers: &'static str,
    pub expected_by_now: &'static str,
    pub current_value: &'static str,
    pub sdg_progress: &'static str,
    pub sdg_p: &'static str,
    pub sdg_score: &'static str,
    pub forecast: &'static str,
    pub forecast_at_target: &'static str,
    pub reached_by: &'static str,
    pub not_reached: &'static str,
    pub methodology: &'static str,
    pub by_kind: &'static str,
    pub programme_progress: &'static str,
    pub due: &'static str,
    pub sources: &'static str,
    pub dashboard: &'static str,
    pub no_progress: &'static str,
    pub recomputed_for: &'static str,
    pub chart_all: &'static str,
    pub chart_10y: &'static str,
    pub chart_5y: &'static str,
    pub chart_lines: &'static str,
    pub chart_bars: &'static str,
    pub chart_reset_hint: &'static str,
    pub download_png: &'static str,
    pub download_svg: &'static str,
    pub download_csv: &'static str,
    pub downloads: &'static str,
    pub legend_forecast: &'static str,
    pub summary: &'static str,
    pub series: &'static str,
    pub show_series: &'static str,
    pub zoom: &'static str,
    pub offline: &'static str,
    pub update_ready: &'static str,
    pub update_reload: &'static str,
    pub embed: &'static str,
    pub embed_title: &'static str,
    pub embed_help: &'static str,
    pub embed_kind: &'static str,
    pub embed_card: &'static str,
    pub embed_chart: &'static str,
    pub embed_programme: &'static str,
    pub embed_colour: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub open_in_vigie: &'static str,
    pub workshop: &'static str,
    pub workshop_lead: &'static str,
    pub entry: &'static str,
    pub expected_range: &'static str,
    pub observed_range: &'static str,
    pub to: &'static str,
    pub entered_values: &'static str,
    pub entered_on: &'static str,
    pub remove: &'static str,
    pub undo: &'static str,
    pub saved: &'static str,
    pub not_saved: &'static str,
    pub bad_period: &'static str,
    pub bad_value: &'static str,
    pub what_if: &'static str,
    pub what_if_lead: &'static str,
    pub new_target_value: &'static str,
    pub new_target_date: &'static str,
    pub before: &'static str,
    pub after: &'static str,
    pub scenario_name: &'static str,
    pub keep_scenario: &'static str,
    /// The name of a kept scenario left unnamed; `{n}` is its number.
    pub scenario_default: &'static str,
    pub discard: &'static str,
    pub scenarios: &'static str,
    pub show: &'static str,
    pub workshop_file: &'static str,
    pub export_workshop: &'static str,
    pub import_workshop: &'static str,
    pub conflicts: &'static str,
    pub keep_mine: &'static str,
    pub take_theirs: &'static str,
    pub apply_import: &'static str,
    pub imported_entries: &'static str,
    pub hand_entered: &'static str,
}

pub static FR: Strings = Strings {
    app_name: "Vigie",
    tagline: "Observatoire des indicateurs",
    loading: "Chargement des données…",
    full_failed: "Cette page n’a pas pu être chargée : elle n’est pas encore enregistrée dans ce navigateur et le réseau ne répond pas. Elle le sera dès une visite en ligne.",
    full_retry: "Réessayer",
    load_failed: "Les données n’ont pas pu être chargées",
    indicators: "indicateurs",
    indicator: "Indicateur",
    latest_value: "Dernière valeur",
    baseline: "Valeur initiale",
    target: "Cible",
    progress: "Taux d’avancement",
    no_value: "pas de donnée",
    series_only: "par série seulement",
    series_left_out: "autres séries ne sont pas tracées",
    rows_left_out: "observations plus anciennes ne sont pas affichées",
    series_col: "Série",
    no_rate_baseline: "pas de valeur initiale",
    no_rate_target: "pas de cible",
    no_rate_data: "pas de donnée",
    no_rate_headline: "valeurs désagrégées seulement : pas de série d’ensemble à mesurer",
    no_rate_equal: "valeur initiale égale à la cible",
    kind_input: "Moyens",
    kind_output: "Réalisations",
    kind_outcome: "Résultats",
    direction_increase: "à la hausse",
    direction_decrease: "à la baisse",
    from_report: "rapport ICC",
    illustrative: "illustratif",
    imported: "fichier importé",
    illustrative_help: "Valeur inventée pour la démonstration, non publiée",
    source: "Source",
    back_to_dashboard: "← Tableau de bord",
    axis_label: "Axe",
    project_label: "Projet",
    projects_of_axis: "Les projets de l’axe",
    kpi_frame: "Des moyens aux résultats",
    kpi_frame_help: "Le cadre des indicateurs du programme se lit de gauche à droite : les moyens engagés, ce qu’ils ont produit, puis les effets obtenus.",
    no_indicator_of_kind: "Aucun indicateur de ce type.",
    open_page: "Ouvrir la page",
    not_found: "Indicateur introuvable",
    chart_caption: "Évolution observée, valeur initiale, cible et trajectoire attendue",
    observations: "Observations",
    period: "Période",
    value: "Valeur",
    note: "Note",
    provenance: "Origine",
    definition: "Définition",
    unit: "Unité",
    direction: "Sens souhaité",
    switch_language: "English",
    switch_language_label: "Switch to English",
    menu: "Menu",
    menu_label: "Navigation du site",
    search_label: "Rechercher un indicateur, un projet ou un axe",
    search_placeholder: "Rechercher…",
    search_hits: ["résultat", "résultats"],
    search_none: "Aucun indicateur, projet ou axe ne correspond.",
    search_shown: "les premiers sont affichés",
    search_help: "Flèches haut et bas pour parcourir les résultats, Entrée pour ouvrir, Échap pour effacer.",
    assessment_nav: "Bilan",
    assessment_title: "Bilan des actions\u{a0}: au départ, à mi-parcours, à la fin",
    assessment_intro: "Pour chaque action, ce que le programme en disait à trois moments, à côté de ses indicateurs tels qu’ils étaient à chacune de ces dates.",
    moment_start: "Au départ",
    moment_midway: "À mi-parcours",
    moment_final: "Résultats finaux",
    kpis_as_of: "Indicateurs au",
    statement_source: "D’où vient ce texte",
    no_assessment: "Aucune action de ce jeu de données n’a de bilan.",
    all_actions: "Toutes les actions",
    see_assessment: "Voir le bilan de l’action",
    legend_observed: "observé",
    legend_trajectory: "trajectoire",
    data_origin: "Origine des chiffres",
    stored_locally: "Données conservées dans ce navigateur",
    origin_store: "Données lues depuis ce navigateur (IndexedDB).",
    origin_network: "Données téléchargées puis conservées dans ce navigateur (IndexedDB).",
    origin_memory: "Stockage du navigateur indisponible : rien ne sera conservé après fermeture.",
    report_explained: "chiffre publié dans le rapport final ICC de Le Havre Seine Métropole.",
    illustrative_explained: "valeur inventée pour la démonstration.",
    imported_explained: "valeur lue dans le fichier importé.",
    indicators_count: "indicateurs suivis",
    with_value: "avec au moins une valeur",
    indicators_title: "Indicateurs",
    other_indicators: "Autres indicateurs (hors projet)",
    with_rate: "avec un taux d’avancement",
    programme_source: "Source du programme",
    as_of: "À la date du",
    today: "Aujourd’hui",
    kind_filter: "Type d’indicateurs",
    kind_all: "Tous",
    weighted_progress: "Avancement pondéré",
    status: "Statut",
    collection: "Collecte",
    overdue: "En retard de collecte",
    overdue_none: "Aucun indicateur en retard de collecte",
    left_out: "Non compris dans la moyenne",
    show_formula: "Voir le calcul",
    formula: "Formule",
    with_numbers: "Avec les valeurs",
    expected_by_now: "Attendu à cette date",
    current_value: "Valeur actuelle",
    sdg_progress: "Progrès (méthode Open SDG)",
    sdg_p: "Valeur P",
    sdg_score: "Score",
    forecast: "Prévision (tendance linéaire)",
    forecast_at_target: "Valeur prévue à la date cible",
    reached_by: "Cible atteinte vers",
    not_reached: "non atteinte au rythme actuel",
    methodology: "Méthodologie",
    by_kind: "Par type d’indicateur",
    programme_progress: "Avancement du programme",
    due: "attendu avant le",
    sources: "Sources",
    dashboard: "Tableau de bord",
    no_progress: "pas de taux",
    recomputed_for: "Chiffres calculés à la date du",
    chart_all: "Tout",
    chart_10y: "10 ans",
    chart_5y: "5 ans",
    chart_lines: "Courbe",
    chart_bars: "Barres",
    chart_reset_hint: "Glisser pour zoomer, molette pour zoomer, double-clic pour revenir à la vue complète, flèches pour parcourir les points.",
    download_png: "Image PNG",
    download_svg: "Image SVG",
    download_csv: "Données CSV",
    downloads: "Télécharger :",
    legend_forecast: "prévision",
    summary: "En bref",
    series: "Série",
    show_series: "Afficher ou masquer la série",
    zoom: "Période affichée",
    offline: "Hors ligne : Vigie fonctionne avec les données de ce navigateur.",
    update_ready: "Une nouvelle version de Vigie est prête.",
    update_reload: "Recharger",
    embed: "Intégrer",
    embed_title: "Intégrer dans un site",
    embed_help: "Copiez ce code dans la page : le cadre s’ajuste à la hauteur de son contenu.",
    embed_kind: "Contenu",
    embed_card: "Carte de l’indicateur",
    embed_chart: "Graphique",
    embed_programme: "Carte du programme",
    embed_colour: "Couleur principale",
    copy: "Copier",
    copied: "Copié",
    open_in_vigie: "Voir dans Vigie",
    workshop: "Atelier",
    workshop_lead: "Saisissez les chiffres recueillis pendant l’atelier : chaque frappe est enregistrée dans ce navigateur, à part des données importées, avec sa date.",
    entry: "Saisie",
    expected_range: "Valeurs attendues",
    observed_range: "observées de",
    to: "à",
    entered_values: "Valeurs saisies",
    entered_on: "Saisie le",
    remove: "Retirer",
    undo: "Annuler la dernière saisie",
    saved: "Enregistré dans ce navigateur",
    not_saved: "Non enregistré",
    bad_period: "Période attendue : 2026, 2026-Q3, 2026-06 ou 2026-06-30",
    bad_value: "Nombre attendu, par exemple 12 ou 3,5",
    what_if: "Et si… ?",
    what_if_lead: "Essayez une autre cible : les statuts et les moyennes changent aussitôt ; les chiffres publiés ne sont jamais modifiés.",
    new_target_value: "Nouvelle cible",
    new_target_date: "Nouvelle échéance",
    before: "Avant",
    after: "Après",
    scenario_name: "Nom du scénario",
    keep_scenario: "Garder ce scénario",
    scenario_default: "Scénario {n}",
    discard: "Abandonner",
    scenarios: "Scénarios gardés",
    show: "Afficher",
    workshop_file: "Fichier d’atelier",
    export_workshop: "Exporter les saisies, scénarios et énoncés",
    import_workshop: "Importer un fichier d’atelier",
    conflicts: "Conflits : la même période a déjà une autre valeur ici",
    keep_mine: "Garder la mienne",
    take_theirs: "Prendre celle du fichier",
    apply_import: "Appliquer",
    imported_entries: "valeurs ajoutées",
    hand_entered: "saisi à la main",
};

pub static EN: Strings = Strings {
    app_name: "Vigie",
    tagline: "Indicator observatory",
    loading: "Loading data…",
    full_failed: "This page could not be loaded: it is not yet kept in this browser and the network does not answer. It will be after a visit online.",
    full_retry: "Try again",
    load_failed: "The data could not be loaded",
    indicators: "indicators",
    indicator: "Indicator",
    latest_value: "Latest value",
    baseline: "Baseline",
    target: "Target",
    progress: "Progress rate",
    no_value: "no data",
    series_only: "by series only",
    series_left_out: "more series are not drawn",
    rows_left_out: "older observations are not shown",
    series_col: "Series",
    no_rate_baseline: "no baseline",
    no_rate_target: "no target",
    no_rate_data: "no data",
    no_rate_headline: "disaggregated values only: no headline series to measure",
    no_rate_equal: "baseline equals target",
    kind_input: "Inputs",
    kind_output: "Outputs",
    kind_outcome: "Outcomes",
    direction_increase: "upward",
    direction_decrease: "downward",
    from_report: "ICC report",
    illustrative: "illustrative",
    imported: "imported file",
    illustrative_help: "Value invented for the demo, not published",
    source: "Source",
    back_to_dashboard: "← Dashboard",
    axis_label: "Axis",
    project_label: "Project",
    projects_of_axis: "Projects of this axis",
    kpi_frame: "From means to results",
    kpi_frame_help: "The programme's KPI frame reads from left to right: the means committed, what they produced, then the effects obtained.",
    no_indicator_of_kind: "No indicator of this kind.",
    open_page: "Open the page",
    not_found: "Indicator not found",
    chart_caption: "Observed values, baseline, target and expected trajectory",
    observations: "Observations",
    period: "Period",
    value: "Value",
    note: "Note",
    provenance: "Origin",
    definition: "Definition",
    unit: "Unit",
    direction: "Desired direction",
    switch_language: "Français",
    switch_language_label: "Passer en français",
    menu: "Menu",
    menu_label: "Site navigation",
    search_label: "Search indicators, projects and axes",
    search_placeholder: "Search…",
    search_hits: ["result", "results"],
    search_none: "No indicator, project or axis matches.",
    search_shown: "the first ones are shown",
    search_help: "Up and down arrows to go through the results, Enter to open one, Escape to clear.",
    assessment_nav: "Assessment",
    assessment_title: "The actions' assessment: at the start, midway, at the end",
    assessment_intro: "For each action, what the programme said of it at three moments, beside its indicators as they stood on each of those dates.",
    moment_start: "Where we started",
    moment_midway: "Midway through the challenge",
    moment_final: "Final results",
    kpis_as_of: "Indicators as of",
    statement_source: "Where this text comes from",
    no_assessment: "No action of this dataset has an assessment.",
    all_actions: "All actions",
    see_assessment: "See the action's assessment",
    legend_observed: "observed",
    legend_trajectory: "trajectory",
    data_origin: "Where the figures come from",
    stored_locally: "Data kept in this browser",
    origin_store: "Data read from this browser (IndexedDB).",
    origin_network: "Data downloaded, then kept in this browser (IndexedDB).",
    origin_memory: "Browser storage unavailable: nothing will be kept after closing.",
    report_explained: "figure published in Le Havre Seine Métropole's ICC final report.",
    illustrative_explained: "value invented for the demo.",
    imported_explained: "value read from the imported file.",
    indicators_count: "indicators monitored",
    with_value: "with at least one value",
    indicators_title: "Indicators",
    other_indicators: "Other indicators (outside any project)",
    with_rate: "with a progress rate",
    programme_source: "Programme source",
    as_of: "As of",
    today: "Today",
    kind_filter: "Kind of indicators",
    kind_all: "All",
    weighted_progress: "Weighted progress",
    status: "Status",
    collection: "Collection",
    overdue: "Overdue",
    overdue_none: "No overdue indicator",
    left_out: "Left out of the mean",
    show_formula: "Show the calculation",
    formula: "Formula",
    with_numbers: "With the values",
    expected_by_now: "Expected by now",
    current_value: "Current value",
    sdg_progress: "Progress (Open SDG method)",
    sdg_p: "P value",
    sdg_score: "Score",
    forecast: "Forecast (linear trend)",
    forecast_at_target: "Forecast value at the target date",
    reached_by: "Target reached around",
    not_reached: "not reached at the current pace",
    methodology: "Methodology",
    by_kind: "By kind of indicator",
    programme_progress: "Programme progress",
    due: "due by",
    sources: "Sources",
    dashboard: "Dashboard",
    no_progress: "no rate",
    recomputed_for: "Figures computed as of",
    chart_all: "All",
    chart_10y: "10 years",
    chart_5y: "5 years",
    chart_lines: "Line",
    chart_bars: "Bars",
    chart_reset_hint: "Drag to zoom, wheel to zoom, double-click to reset, arrow keys to move from point to point.",
    download_png: "PNG image",
    download_svg: "SVG image",
    download_csv: "CSV data",
    downloads: "Download:",
    legend_forecast: "forecast",
    summary: "In short",
    series: "Series",
    show_series: "Show or hide the series",
    zoom: "Period shown",
    offline: "Offline: Vigie works with the data in this browser.",
    update_ready: "A new version of Vigie is ready.",
    update_reload: "Reload",
    embed: "Embed",
    embed_title: "Embed in a website",
    embed_help: "Paste this code in the page: the frame adjusts to its content's height.",
    embed_kind: "Content",
    embed_card: "Indicator card",
    embed_chart: "Chart",
    embed_programme: "Programme card",
    embed_colour: "Main colour",
    copy: "Copy",
    copied: "Copied",
    open_in_vigie: "Open in Vigie",
    workshop: "Workshop",
    workshop_lead: "Enter the figures collected during the workshop: every keystroke is saved in this browser, apart from imported data, with its date.",
    entry: "Data entry",
    expected_range: "Expected values",
    observed_range: "observed from",
    to: "to",
    entered_values: "Values entered",
    entered_on: "Entered on",
    remove: "Remove",
    undo: "Undo last entry",
    saved: "Saved in this browser",
    not_saved: "Not saved",
    bad_period: "Expected period: 2026, 2026-Q3, 2026-06 or 2026-06-30",
    bad_value: "Expected a number, such as 12 or 3.5",
    what_if: "What if…?",
    what_if_lead: "Try another target: statuses and roll-ups change at once; published figures are never altered.",
    new_target_value: "New target",
    new_target_date: "New target date",
    before: "Before",
    after: "After",
    scenario_name: "Scenario name",
    keep_scenario: "Keep this scenario",
    scenario_default: "Scenario {n}",
    discard: "Discard",
    scenarios: "Kept scenarios",
    show: "Show",
    workshop_file: "Workshop file",
    export_workshop: "Export entries, scenarios and statements",
    import_workshop: "Import a workshop file",
    conflicts: "Conflicts: the same period already has another value here",
    keep_mine: "Keep mine",
    take_theirs: "Take the file's",
    apply_import: "Apply",
    imported_entries: "values added",
    hand_entered: "entered by hand",
};

impl Strings {
    /// The name of a KPI kind.
    pub fn kind(&self, kind: Kind) -> &'static str {
        match kind {
            Kind::Input => self.kind_input,
            Kind::Output => self.kind_output,
            Kind::Outcome => self.kind_outcome,
        }
    }

    /// The name of a direction.
    pub fn direction_name(&self, d: Direction) -> &'static str {
        match d {
            Direction::Increase => self.direction_increase,
            Direction::Decrease => self.direction_decrease,
        }
    }

    /// The label of a provenance.
    pub fn provenance_name(&self, p: Provenance) -> &'static str {
        match p {
            Provenance::Report => self.from_report,
            Provenance::Illustrative => self.illustrative,
            Provenance::Imported => self.imported,
        }
    }

    /// Why no progress rate is shown.
    pub fn no_rate(&self, why: crate::kpi::NoRate) -> &'static str {
        use crate::kpi::NoRate::*;
        match why {
            NoBaseline => self.no_rate_baseline,
            NoTarget => self.no_rate_target,
            NoData => self.no_rate_data,
            NoHeadline => self.no_rate_headline,
            BaselineEqualsTarget => self.no_rate_equal,
        }
    }
}

/// The data manager's strings (page `/data`), kept in their own table so that pages merge cleanly.
pub struct DataStrings {
    /// The browser refused to offer the export file for download.
    pub download_failed: &'static str,
    pub open: &'static str,
    pub shown: &'static str,
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub datasets: &'static str,
    pub col_dataset: &'static str,
    pub col_kind: &'static str,
    pub col_source: &'static str,
    pub col_imported: &'static str,
    pub col_size: &'static str,
    pub col_indicators: &'static str,
    pub col_observations: &'static str,
    pub col_edits: &'static str,
    pub col_actions: &'static str,
    pub kind_default: &'static str,
    pub kind_file: &'static str,
    pub kind_workshop: &'static str,
    pub delete: &'static str,
    pub replace: &'static str,
    pub none: &'static str,
    pub storage: &'static str,
    pub used: &'static str,
    pub left: &'static str,
    pub unknown: &'static str,
    pub persisted_yes: &'static str,
    pub persisted_no: &'static str,
    pub persist_unsupported: &'static str,
    pub memory_only: &'static str,
    pub export_title: &'static str,
    pub export_help: &'static str,
    pub export_button: &'static str,
    pub import_label: &'static str,
    pub import_help: &'static str,
    pub imported: &'static str,
    pub replaced: &'static str,
    pub deleted: &'static str,
    pub conflicts: &'static str,
    pub failed: &'static str,
    pub quota: &'static str,
    pub reload_needed: &'static str,
    pub blocked: &'static str,
    pub reload: &'static str,
    pub working: &'static str,
}

pub static FR_DATA: DataStrings = DataStrings {
    open: "Afficher",
    shown: "Jeu de données affiché",
    nav: "Données",
    title: "Gestion des données",
    intro: "Tout ce que vous importez ou saisissez est conservé dans ce navigateur (IndexedDB), jeu de données par jeu de données.",
    datasets: "Jeux de données",
    col_dataset: "Jeu de données",
    col_kind: "Nature",
    col_source: "Source",
    col_imported: "Importé le",
    col_size: "Taille",
    col_indicators: "Indicateurs",
    col_observations: "Observations",
    col_edits: "Vos saisies",
    col_actions: "Actions",
    kind_default: "Programme par défaut",
    kind_file: "Fichier importé",
    kind_workshop: "Saisie en atelier",
    delete: "Supprimer",
    replace: "Remplacer par une version plus récente…",
    none: "Aucun jeu de données n’est conservé.",
    download_failed: "Le navigateur n’a pas pu proposer le fichier au téléchargement ; rien n’a été modifié.",
    storage: "Stockage",
    used: "utilisés",
    left: "disponibles",
    unknown: "Le navigateur n’indique pas l’espace utilisé.",
    persisted_yes: "Stockage persistant accordé : le navigateur ne supprimera pas ces données pour faire de la place.",
    persisted_no: "Stockage persistant non accordé : le navigateur pourrait effacer ces données s’il manque de place. Exportez régulièrement.",
    persist_unsupported: "Ce navigateur ne propose pas de stockage persistant.",
    memory_only: "Stockage du navigateur indisponible (navigation privée ou désactivé) : Vigie fonctionne en mémoire et rien ne sera conservé après fermeture de l’onglet.",
    export_title: "Exporter ou importer tout l’observatoire",
    export_help: "Un seul fichier datapackage.json (Frictionless) : les données, vos saisies, l’atelier, les fichiers de frontières des cartes et les statuts calculés. Importé sur une autre machine, il redonne le même état.",
    export_button: "Exporter l’observatoire",
    import_label: "Importer un observatoire (remplace tout)",
    import_help: "L’import remplace tous les jeux de données et ajoute ses fichiers de frontières à ceux du navigateur ; s’il échoue, rien n’est modifié.",
    imported: "Observatoire importé.",
    replaced: "Jeu de données remplacé ; vos saisies sont conservées.",
    deleted: "Jeu de données supprimé.",
    conflicts: "Vos saisies diffèrent du nouveau fichier pour ces valeurs ; elles sont conservées :",
    failed: "Échec, rien n’a été modifié :",
    quota: "Espace de stockage insuffisant : le navigateur refuse d’enregistrer ce fichier. Vos données existantes sont intactes ; libérez de la place (supprimez un jeu de données) puis réessayez",
    reload_needed: "Une nouvelle version de Vigie a été ouverte dans un autre onglet. Rechargez cette page pour continuer.",
    blocked: "Un autre onglet ouvert sur une ancienne version de Vigie bloque la mise à jour des données : fermez-le ou rechargez-le.",
    reload: "Recharger",
    working: "En cours…",
};

pub static EN_DATA: DataStrings = DataStrings {
    open: "Show",
    shown: "Dataset shown",
    nav: "Data",
    title: "Data manager",
    intro: "Everything you import or type is kept in this browser (IndexedDB), dataset by dataset.",
    datasets: "Datasets",
    col_dataset: "Dataset",
    col_kind: "Kind",
    col_source: "Source",
    col_imported: "Imported on",
    col_size: "Size",
    col_indicators: "Indicators",
    col_observations: "Observations",
    col_edits: "Your entries",
    col_actions: "Actions",
    kind_default: "Default programme",
    kind_file: "Imported file",
    kind_workshop: "Workshop entries",
    delete: "Delete",
    replace: "Replace with a newer version…",
    none: "No dataset is kept.",
    download_failed: "The browser could not offer the file for download; nothing was changed.",
    storage: "Storage",
    used: "used",
    left: "left",
    unknown: "The browser does not tell how much space is used.",
    persisted_yes: "Persistent storage granted: the browser will not delete this data to make room.",
    persisted_no: "Persistent storage not granted: the browser may clear this data when space runs low. Export regularly.",
    persist_unsupported: "This browser offers no persistent storage.",
    memory_only: "Browser storage unavailable (private mode or disabled): Vigie works in memory and nothing will be kept after this tab is closed.",
    export_title: "Export or import the whole observatory",
    export_help: "One datapackage.json file (Frictionless): the data, your entries, the workshop, the maps' boundary files and the computed statuses. Imported on another machine, it gives back the same state.",
    export_button: "Export the observatory",
    import_label: "Import an observatory (replaces everything)",
    import_help: "Importing replaces every dataset and adds its boundary files to this browser's; if it fails, nothing is changed.",
    imported: "Observatory imported.",
    replaced: "Dataset replaced; your entries are kept.",
    deleted: "Dataset deleted.",
    conflicts: "Your entries differ from the new file for these values; they are kept:",
    failed: "Failed, nothing was changed:",
    quota: "Not enough storage space: the browser refuses to store this file. Your existing data is intact; free some space (delete a dataset) and try again",
    reload_needed: "A newer version of Vigie was opened in another tab. Reload this page to continue.",
    blocked: "Another tab open on an older version of Vigie blocks the data upgrade: close or reload it.",
    reload: "Reload",
    working: "Working…",
};

impl Lang {
    /// The data manager's strings in this language.
    pub fn data_strings(self) -> &'static DataStrings {
        match self {
            Lang::Fr => &FR_DATA,
            Lang::En => &EN_DATA,
        }
    }
}

/// The compare page's strings (`/compare`, full wasm only), apart so that the page's wasm does not
/// carry them.
pub struct CompareStrings {
    pub title: &'static str,
    pub intro: &'static str,
    pub first: &'static str,
    pub second: &'static str,
    pub choose: &'static str,
    pub pick_two: &'static str,
    pub same: &'static str,
    pub table: &'static str,
    /// The indicator page's link to the compare page.
    pub link: &'static str,
    /// The indicator page's choice of the series drawn (several territories or disaggregations of
    /// one indicator, on its chart and in one table).
    pub series_title: &'static str,
    pub series_drawn_of: &'static str,
    pub series_filter: &'static str,
    pub series_first: &'static str,
    pub series_none: &'static str,
    pub series_max: &'static str,
    pub series_more: &'static str,
    pub series_table: &'static str,
}

pub static FR_COMPARE: CompareStrings = CompareStrings {
    title: "Comparer deux indicateurs",
    intro: "Deux indicateurs, même d’unités différentes, l’un au-dessus de l’autre sur la même période : un zoom sur l’un déplace l’autre. Le tableau donne leurs valeurs période par période.",
    first: "Premier indicateur",
    second: "Second indicateur",
    choose: "— choisir —",
    pick_two: "Choisissez deux indicateurs à comparer.",
    same: "Choisissez deux indicateurs différents.",
    table: "Valeurs par période",
    link: "Comparer avec un autre indicateur",
    series_title: "Séries tracées",
    series_drawn_of: "tracées sur",
    series_filter: "Filtrer les séries",
    series_first: "Les premières",
    series_none: "Aucune",
    series_max: "Le graphique trace 12 séries au plus : décochez-en une pour en tracer une autre.",
    series_more: "autres séries répondent au filtre : précisez-le pour les voir.",
    series_table: "Les séries tracées, période par période",
};

pub static EN_COMPARE: CompareStrings = CompareStrings {
    title: "Compare two indicators",
    intro: "Two indicators, even of different units, one above the other over the same period: a zoom on one moves the other. The table gives their values period by period.",
    first: "First indicator",
    second: "Second indicator",
    choose: "— choose —",
    pick_two: "Choose two indicators to compare.",
    same: "Choose two different indicators.",
    table: "Values by period",
    link: "Compare with another indicator",
    series_title: "Series drawn",
    series_drawn_of: "drawn of",
    series_filter: "Filter the series",
    series_first: "The first ones",
    series_none: "None",
    series_max: "The chart draws 12 series at most: untick one to draw another.",
    series_more: "more series match the filter: narrow it to see them.",
    series_table: "The series drawn, period by period",
};

impl Lang {
    /// The compare page's strings in this language.
    pub fn compare_strings(self) -> &'static CompareStrings {
        match self {
            Lang::Fr => &FR_COMPARE,
            Lang::En => &EN_COMPARE,
        }
    }
}

/// The workshop's assessment statements (`/workshop`, full wasm only), and the assessment page's
/// link to them.
pub struct StatementStrings {
    pub title: &'static str,
    pub intro: &'static str,
    pub action: &'static str,
    pub moment: &'static str,
    pub date: &'static str,
    pub french: &'static str,
    pub english: &'static str,
    pub published: &'static str,
    pub none_published: &'static str,
    pub written_on: &'static str,
    pub revert: &'static str,
    pub bad_date: &'static str,
    pub no_text: &'static str,
    pub written: &'static str,
    pub none_written: &'static str,
    pub statement: &'static str,
    pub edit: &'static str,
    pub written_column: &'static str,
    pub download: &'static str,
    /// The assessment page's link from a moment to the workshop's form for it.
    pub write_in_workshop: &'static str,
    pub conflicts: &'static str,
    pub imported: &'static str,
}

pub static FR_STATEMENTS: StatementStrings = StatementStrings {
    title: "Énoncés du bilan",
    intro: "Rédigez ce que l’atelier dit d’une action au départ, à mi-parcours ou au bilan final. Chaque frappe est enregistrée dans ce navigateur ; le texte publié reste dans les données importées, et la page Bilan montre le vôtre, marqué comme rédigé en atelier.",
    action: "Action",
    moment: "Moment",
    date: "Indicateurs à la date du",
    french: "Énoncé en français",
    english: "Énoncé en anglais",
    published: "Texte publié",
    none_published: "Le programme n’a rien publié pour ce moment : ce que vous écrivez l’ajoute au bilan de l’action.",
    written_on: "Rédigé en atelier le",
    revert: "Revenir au texte publié",
    bad_date: "Date attendue au format 2024-06-30.",
    no_text: "Écrivez l’énoncé en français ou en anglais.",
    written: "Énoncés rédigés en atelier",
    none_written: "Aucun énoncé rédigé pour l’instant.",
    statement: "Énoncé",
    edit: "Modifier",
    written_column: "Rédigé le",
    download: "Télécharger assessments.csv (pour le Data Package)",
    write_in_workshop: "Rédiger en atelier",
    conflicts: "Énoncés en conflit",
    imported: "énoncés importés",
};

pub static EN_STATEMENTS: StatementStrings = StatementStrings {
    title: "Assessment statements",
    intro: "Write what the workshop says of an action at its start, midway or final moment. Every keystroke is saved in this browser; the published text stays in the imported data, and the Assessment page shows yours, marked as written in the workshop.",
    action: "Action",
    moment: "Moment",
    date: "KPIs as of",
    french: "Statement in French",
    english: "Statement in English",
    published: "Published text",
    none_published: "The programme published nothing for this moment: what you write adds it to the action's assessment.",
    written_on: "Written in the workshop on",
    revert: "Back to the published text",
    bad_date: "Expected a date such as 2024-06-30.",
    no_text: "Write the statement in French or in English.",
    written: "Statements written in the workshop",
    none_written: "No statement written yet.",
    statement: "Statement",
    edit: "Edit",
    written_column: "Written on",
    download: "Download assessments.csv (for the Data Package)",
    write_in_workshop: "Write in the workshop",
    conflicts: "Conflicting statements",
    imported: "statements imported",
};

impl Lang {
    /// The workshop statements' strings in this language.
    pub fn statement_strings(self) -> &'static StatementStrings {
        match self {
            Lang::Fr => &FR_STATEMENTS,
            Lang::En => &EN_STATEMENTS,
        }
    }
}

/// The map's strings (the indicator page's map of territories, full wasm only).
pub struct MapStrings {
    pub title: &'static str,
    pub intro: &'static str,
    pub boundaries: &'static str,
    pub world: &'static str,
    pub world_source: &'static str,
    pub imported_source: &'static str,
    pub import_label: &'static str,
    pub import_help: &'static str,
    pub imported: &'static str,
    pub refused: &'static str,
    pub remove: &'static str,
    pub removed: &'static str,
    pub loading: &'static str,
    pub world_failed: &'static str,
    pub no_match: &'static str,
    pub keys_help: &'static str,
    pub click_hint: &'static str,
    /// Before the dimensions the mapped values share (`deg_urb = DEG1`).
    pub series_of: &'static str,
    pub no_value: &'static str,
    pub not_drawn: &'static str,
    pub col_territory: &'static str,
    /// "territories", after a count.
    pub territories: &'static str,
    pub col_code: &'static str,
    pub col_class: &'static str,
    pub legend: &'static str,
    pub summary: &'static str,
}

pub static FR_MAP: MapStrings = MapStrings {
    title: "Carte : la dernière valeur de chaque territoire",
    intro: "Chaque territoire est coloré selon la classe de sa dernière valeur connue à la date choisie (classes par quantiles : autant de territoires dans chacune).",
    boundaries: "Contours",
    world: "Pays du monde (Natural Earth, 1:110 m)",
    world_source: "Contours des pays : Natural Earth (domaine public), admin 0 au 1:110 m, par le paquet world-atlas 2.0.2 (licence ISC).",
    imported_source: "Contours importés de",
    import_label: "Importer un fichier de contours (GeoJSON ou TopoJSON)",
    import_help: "Les territoires sont reconnus par leur code (propriété code, GeoCode, ISO_A3, INSEE… ou l’identifiant). Le fichier reste dans ce navigateur.",
    imported: "Fichier de contours importé",
    refused: "Fichier de contours refusé, rien n’a été modifié :",
    remove: "Retirer ce fichier de contours",
    removed: "Fichier de contours retiré",
    loading: "Chargement des contours…",
    world_failed: "Les contours des pays n’ont pas pu être chargés :",
    no_match: "Aucun de ces territoires n’a de contour dans ce fichier. Importez un fichier de contours dont les codes sont ceux des données, par exemple",
    keys_help: "Flèches : territoire suivant ou précédent (du plus haut au plus bas) ; Entrée : le tracer sur le graphique ou l’en retirer ; Échap : effacer.",
    series_of: "La carte montre la série",
    click_hint: "Cliquez sur un territoire pour le tracer sur le graphique, ou l’en retirer (12 séries au plus).",
    no_value: "Pas de valeur",
    not_drawn: "pas sur cette carte",
    col_territory: "Territoire",
    territories: "territoires",
    col_code: "Code",
    col_class: "Classe",
    legend: "Légende",
    summary: "Résumé",
};

pub static EN_MAP: MapStrings = MapStrings {
    title: "Map: each territory's latest value",
    intro: "Each territory is coloured by the class of its latest value known at the chosen date (quantile classes: as many territories in each).",
    boundaries: "Boundaries",
    world: "Countries of the world (Natural Earth, 1:110m)",
    world_source: "Country boundaries: Natural Earth (public domain), admin 0 at 1:110m, through the world-atlas 2.0.2 package (ISC licence).",
    imported_source: "Boundaries imported from",
    import_label: "Import a boundary file (GeoJSON or TopoJSON)",
    import_help: "Territories are matched by their code (a code, GeoCode, ISO_A3, INSEE… property, or the feature's id). The file stays in this browser.",
    imported: "Boundary file imported",
    refused: "Boundary file refused, nothing was changed:",
    remove: "Remove this boundary file",
    removed: "Boundary file removed",
    loading: "Loading the boundaries…",
    world_failed: "The country boundaries could not be loaded:",
    no_match: "None of these territories has a shape in this file. Import a boundary file whose codes are the data's, for example",
    keys_help: "Arrows: next or previous territory (highest to lowest); Enter: draw it on the chart or take it off; Escape: clear.",
    series_of: "The map shows the series",
    click_hint: "Click a territory to draw it on the chart, or to take it off (12 series at most).",
    no_value: "No value",
    not_drawn: "not on this map",
    col_territory: "Territory",
    territories: "territories",
    col_code: "Code",
    col_class: "Class",
    legend: "Legend",
    summary: "Summary",
};

impl Lang {
    /// The map's strings in this language.
    pub fn map_strings(self) -> &'static MapStrings {
        match self {
            Lang::Fr => &FR_MAP,
            Lang::En => &EN_MAP,
        }
    }
}

/// The import page's strings (page `/import`).
pub struct ImportStrings {
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub drop: &'static str,
    pub pick: &'static str,
    pub files: &'static str,
    pub main_file: &'static str,
    pub companion: &'static str,
    pub missing_companions: &'static str,
    pub reading: &'static str,
    pub cancel: &'static str,
    pub cancelled: &'static str,
    pub failed: &'static str,
    /// The import engine (the worker) stopped or could not start; nothing was saved.
    pub engine_failed: &'static str,
    /// The button that reads the files again with a fresh engine.
    pub retry: &'static str,
    pub detected: &'static str,
    pub detected_help: &'static str,
    pub format: &'static str,
    pub shape: &'static str,
    pub encoding: &'static str,
    pub delimiter: &'static str,
    pub decimal: &'static str,
    pub thousands: &'static str,
    pub header_line: &'static str,
    pub skipped: &'static str,
    pub preamble: &'static str,
    pub footer: &'static str,
    pub missing_markers: &'static str,
    pub period_format: &'static str,
    pub date_order: &'static str,
    pub day_first: &'static str,
    pub month_first: &'static str,
    pub flags: &'static str,
    pub gzip: &'static str,
    pub none: &'static str,
    /// The layouts Vigie recognises (`ingest::Shape`), as the detected settings show them.
    pub shape_native: &'static str,
    pub shape_tidy: &'static str,
    pub shape_wide: &'static str,
    pub shape_columns: &'static str,
    /// A metadata file given alone (an Open SDG `.yml`/`.md`).
    pub format_metadata: &'static str,
    /// After "space": the no-break space and the narrow no-break space.
    pub no_break: &'static str,
    pub narrow_no_break: &'static str,
    pub tab: &'static str,
    pub space: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub reread: &'static str,
    pub changed: &'static str,
    pub preview: &'static str,
    pub roles: &'static str,
    pub roles_help: &'static str,
    pub more_columns: &'static str,
    pub role_indicator: &'static str,
    pub role_name: &'static str,
    pub role_period: &'static str,
    pub role_value: &'static str,
    pub role_series: &'static str,
    pub role_period_value: &'static str,
    pub role_month: &'static str,
    pub role_dimension: &'static str,
    pub role_unit: &'static str,
    pub role_flag: &'static str,
    pub role_ignore: &'static str,
    pub meta: &'static str,
    pub meta_help: &'static str,
    pub meta_name: &'static str,
    pub meta_unit: &'static str,
    pub meta_direction: &'static str,
    pub from_file: &'static str,
    pub increase: &'static str,
    pub decrease: &'static str,
    pub baseline: &'static str,
    pub target: &'static str,
    pub period: &'static str,
    pub value: &'static str,
    pub bad_milestone: &'static str,
    pub report: &'static str,
    /// The counts' nouns, singular then plural (see `Lang::plural`).
    pub c_indicators: [&'static str; 2],
    pub c_series: [&'static str; 2],
    pub c_observations: [&'static str; 2],
    pub c_rows: [&'static str; 2],
    pub c_missing: [&'static str; 2],
    pub errors: &'static str,
    pub warnings: &'static str,
    pub more: &'static str,
    pub line: &'static str,
    pub column: &'static str,
    pub found: &'static str,
    pub expected: &'static str,
    pub whole_file: &'static str,
    pub refused: &'static str,
    pub accept: &'static str,
    pub ready: &'static str,
    pub store_as: &'static str,
    pub replaces: &'static str,
    pub cli_options: &'static str,
    pub cli_options_hint: &'static str,
    pub save: &'static str,
    pub saving: &'static str,
    pub read_in: &'static str,
}

pub static FR_IMPORT: ImportStrings = ImportStrings {
    nav: "Importer",
    title: "Importer un fichier d’indicateurs",
    intro: "CSV, TSV ou TXT (séparateur, décimales, encodage détectés), JSON, XLSX, Data Package (datapackage.json avec ses ressources), CSV Open SDG avec son fichier de métadonnées, fichiers .gz. Le fichier est lu dans ce navigateur : rien n’est envoyé.",
    drop: "Déposez un ou plusieurs fichiers ici, ou",
    pick: "choisissez-les",
    files: "Fichiers",
    main_file: "lu",
    companion: "fichier associé",
    missing_companions: "Fichiers attendus par le Data Package et pas encore fournis (ajoutez-les) :",
    reading: "Lecture du fichier…",
    cancel: "Annuler",
    cancelled: "Import annulé : rien n’a été enregistré.",
    failed: "La lecture a échoué :",
    engine_failed: "Le moteur de lecture s’est arrêté sur une erreur interne ; rien n’a été enregistré. Un moteur neuf reprendra la lecture :",
    retry: "Relire le fichier",
    detected: "Ce que Vigie a détecté",
    detected_help: "Corrigez un réglage s’il est faux, puis relisez le fichier.",
    format: "Type de fichier",
    shape: "Disposition",
    encoding: "Encodage",
    delimiter: "Séparateur",
    decimal: "Séparateur décimal",
    thousands: "Séparateur de milliers",
    header_line: "Ligne d’en-tête",
    skipped: "Lignes ignorées",
    preamble: "avant l’en-tête",
    footer: "en fin de fichier",
    missing_markers: "Marqueurs de valeur manquante",
    period_format: "Format des périodes",
    date_order: "Ordre des dates",
    day_first: "jour/mois/année",
    month_first: "mois/jour/année",
    flags: "Statuts collés aux valeurs (Eurostat)",
    gzip: "compressé (gzip)",
    none: "aucun",
    shape_native: "Data Package Vigie",
    shape_tidy: "long (une ligne par valeur)",
    shape_wide: "large (périodes en colonnes)",
    shape_columns: "un indicateur par colonne (OWID)",
    format_metadata: "métadonnées",
    no_break: "insécable",
    narrow_no_break: "fine insécable",
    tab: "tabulation",
    space: "espace",
    yes: "oui",
    no: "non",
    reread: "Relire avec ces réglages",
    changed: "Réglages modifiés : relisez le fichier pour les appliquer.",
    preview: "Aperçu des premières lignes, telles que Vigie les lit",
    roles: "Rôle des colonnes",
    more_columns: "autres colonnes gardent le rôle deviné",
    roles_help: "Vigie a deviné le rôle de chaque colonne ; changez ceux qui sont faux, puis relisez.",
    role_indicator: "indicateur (identifiant)",
    role_name: "nom de l’indicateur",
    role_period: "période",
    role_value: "valeur",
    role_series: "un indicateur par colonne",
    role_period_value: "valeur d’une période (en-tête = période)",
    role_month: "mois",
    role_dimension: "dimension (ventilation)",
    role_unit: "unité",
    role_flag: "statut (drapeau)",
    role_ignore: "ignorer",
    meta: "Description de l’indicateur",
    meta_help: "Le fichier ne décrit pas son indicateur : donnez ce que vous savez, ou laissez vide.",
    meta_name: "Nom",
    meta_unit: "Unité",
    meta_direction: "Sens souhaité",
    from_file: "(selon le fichier)",
    increase: "à la hausse",
    decrease: "à la baisse",
    baseline: "Valeur initiale",
    target: "Cible",
    period: "période",
    value: "valeur",
    bad_milestone: "Attendu : une période (2020, 2020-Q1, 2020-06…) et un nombre, ou rien.",
    report: "Rapport de validation",
    c_indicators: ["indicateur", "indicateurs"],
    c_series: ["série", "séries"],
    c_observations: ["observation", "observations"],
    c_rows: ["ligne de données", "lignes de données"],
    c_missing: ["cellule vide ou manquante", "cellules vides ou manquantes"],
    errors: "Erreurs",
    warnings: "Avertissements",
    more: "autres non affichés",
    line: "ligne",
    column: "colonne",
    found: "trouvé",
    expected: "attendu",
    whole_file: "tout le fichier",
    refused: "Le fichier a des erreurs : rien n’a été enregistré.",
    accept: "Importer quand même, sans les lignes en erreur",
    ready: "Le fichier peut être importé.",
    store_as: "Nom du jeu de données",
    replaces: "Un jeu de données porte déjà ce nom : il sera remplacé (vos saisies sont gardées).",
    cli_options: "Ces réglages pour vigie-check",
    cli_options_hint: "Enregistrez ce texte dans un fichier, puis vérifiez vos prochains fichiers de la même façon dans votre chaîne de publication : vigie-check --options reglages.json FICHIER",
    save: "Enregistrer dans l’observatoire",
    saving: "Enregistrement…",
    read_in: "lu en",
};

pub static EN_IMPORT: ImportStrings = ImportStrings {
    nav: "Import",
    title: "Import an indicator file",
    intro: "CSV, TSV or TXT (delimiter, decimals and encoding detected), JSON, XLSX, Data Package (datapackage.json with its resources), Open SDG CSV with its metadata file, .gz files. The file is read in this browser: nothing is sent anywhere.",
    drop: "Drop one or more files here, or",
    pick: "choose them",
    files: "Files",
    main_file: "read",
    companion: "companion file",
    missing_companions: "Files the Data Package expects and that were not given (add them):",
    reading: "Reading the file…",
    cancel: "Cancel",
    cancelled: "Import cancelled: nothing was stored.",
    failed: "Reading failed:",
    engine_failed: "The reading engine stopped on an internal error; nothing was saved. A fresh engine will read the file again:",
    retry: "Read the file again",
    detected: "What Vigie detected",
    detected_help: "Correct a setting if it is wrong, then read the file again.",
    format: "File type",
    shape: "Layout",
    encoding: "Encoding",
    delimiter: "Delimiter",
    decimal: "Decimal separator",
    thousands: "Thousands separator",
    header_line: "Header line",
    skipped: "Lines skipped",
    preamble: "before the header",
    footer: "at the end",
    missing_markers: "Missing-value markers",
    period_format: "Period format",
    date_order: "Date order",
    day_first: "day/month/year",
    month_first: "month/day/year",
    flags: "Status flags glued to values (Eurostat)",
    gzip: "compressed (gzip)",
    none: "none",
    shape_native: "Vigie Data Package",
    shape_tidy: "tidy (one row per value)",
    shape_wide: "wide (periods as columns)",
    shape_columns: "one indicator per column (OWID)",
    format_metadata: "metadata",
    no_break: "no-break",
    narrow_no_break: "narrow no-break",
    tab: "tab",
    space: "space",
    yes: "yes",
    no: "no",
    reread: "Read again with these settings",
    changed: "Settings changed: read the file again to apply them.",
    preview: "The first rows, as Vigie reads them",
    roles: "Column roles",
    more_columns: "more columns keep their guessed role",
    roles_help: "Vigie guessed each column’s role; change the wrong ones, then read again.",
    role_indicator: "indicator (id)",
    role_name: "indicator name",
    role_period: "period",
    role_value: "value",
    role_series: "one indicator per column",
    role_period_value: "value of a period (header = period)",
    role_month: "month",
    role_dimension: "dimension (breakdown)",
    role_unit: "unit",
    role_flag: "status flag",
    role_ignore: "ignore",
    meta: "Indicator description",
    meta_help: "The file does not describe its indicator: give what you know, or leave it empty.",
    meta_name: "Name",
    meta_unit: "Unit",
    meta_direction: "Desired direction",
    from_file: "(as in the file)",
    increase: "upwards",
    decrease: "downwards",
    baseline: "Baseline",
    target: "Target",
    period: "period",
    value: "value",
    bad_milestone: "Expected: a period (2020, 2020-Q1, 2020-06…) and a number, or nothing.",
    report: "Validation report",
    c_indicators: ["indicator", "indicators"],
    c_series: ["series", "series"],
    c_observations: ["observation", "observations"],
    c_rows: ["data row", "data rows"],
    c_missing: ["empty or missing cell", "empty or missing cells"],
    errors: "Errors",
    warnings: "Warnings",
    more: "more not shown",
    line: "line",
    column: "column",
    found: "found",
    expected: "expected",
    whole_file: "whole file",
    refused: "The file has errors: nothing was stored.",
    accept: "Import anyway, without the rows in error",
    ready: "The file can be imported.",
    store_as: "Dataset name",
    replaces: "A dataset already has this name: it will be replaced (your entries are kept).",
    cli_options: "These settings for vigie-check",
    cli_options_hint: "Save this text in a file, then check your next files the same way in your publishing pipeline: vigie-check --options settings.json FILE",
    save: "Save in the observatory",
    saving: "Saving…",
    read_in: "read in",
};

impl Strings {
    /// The name of an assessment moment.
    pub fn moment(&self, m: crate::model::Moment) -> &'static str {
        match m {
            crate::model::Moment::Start => self.moment_start,
            crate::model::Moment::Midway => self.moment_midway,
            crate::model::Moment::Final => self.moment_final,
        }
    }
}

impl Lang {
    /// The noun `forms` (singular, plural) that agrees with a count of `n`: in French 0 and 1 take
    /// the singular (« 0 indicateur », « 1 indicateur »), in English only 1 does.
    pub fn plural(self, n: usize, forms: [&'static str; 2]) -> &'static str {
        let one = match self {
            Lang::Fr => n <= 1,
            Lang::En => n == 1,
        };
        forms[usize::from(!one)]
    }

    /// The import page's strings in this language.
    pub fn import_strings(self) -> &'static ImportStrings {
        match self {
            Lang::Fr => &FR_IMPORT,
            Lang::En => &EN_IMPORT,
        }
    }
}

// Problems found in input files: what was expected, in each language, from the kind's data.

impl Lang {
    /// What was expected where a problem lies (`a number`, `un nombre`…).
    pub fn expected(self, kind: &ProblemKind) -> String {
        match self {
            Lang::Fr => expected_fr(kind),
            Lang::En => expected_en(kind),
        }
    }

    /// A problem on one line: `file:line:column: expected …, found `…`` in English,
    /// `file:line:column: attendu …, trouvé « … »` in French (no line or column when 0).
    pub fn problem(self, p: &Problem) -> String {
        let mut out = p.file.clone();
        if p.line > 0 {
            out.push_str(&format!(":{}", p.line));
            if p.column > 0 {
                out.push_str(&format!(":{}", p.column));
            }
        }
        let expected = self.expected(&p.kind);
        match self {
            Lang::Fr => {
                out.push_str(&format!(": attendu {expected}"));
                if !p.found.is_empty() {
                    out.push_str(&format!(", trouvé « {} »", p.found));
                }
            }
            Lang::En => {
                out.push_str(&format!(": expected {expected}"));
                if !p.found.is_empty() {
                    out.push_str(&format!(", found `{}`", p.found));
                }
            }
        }
        out
    }
}

/// In English, for logs and error values; pages and `vigie-check --lang` use `Lang::problem`.
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Lang::En.problem(self))
    }
}

fn path_refusal_en(r: PathRefusal) -> &'static str {
    use PathRefusal::*;
    match r {
        Missing => "a text is required: none was given",
        Empty => "an empty path is refused",
        Absolute => "a path from the disk's root is refused",
        DriveLetter => "a drive letter is refused",
        ParentSegment => "`..` is refused",
        Url => "URLs are refused: Vigie never fetches a resource by itself",
        Backslash => "use `/` between folders; `\\` is refused",
        ControlCharacter => "control characters are refused",
    }
}

fn path_refusal_fr(r: PathRefusal) -> &'static str {
    use PathRefusal::*;
    match r {
        Missing => "un texte est requis : il manque",
        Empty => "un chemin vide est refusé",
        Absolute => "un chemin depuis la racine du disque est refusé",
        DriveLetter => "une lettre de lecteur est refusée",
        ParentSegment => "« .. » est refusé",
        Url => "les URL sont refusées : Vigie ne télécharge jamais une ressource de lui-même",
        Backslash => "séparez les dossiers par « / » ; « \\ » est refusé",
        ControlCharacter => "les caractères de contrôle sont refusés",
    }
}

fn expected_en(kind: &ProblemKind) -> String {
    use ProblemKind::*;
    let roles = |chosen: bool| {
        if chosen {
            "column roles with"
        } else {
            "indicator data:"
        }
    };
    match kind {
        EmptyFile => "indicator data (the file is empty)".into(),
        BinaryFile => "a text file (CSV, TSV, JSON); this one holds binary bytes".into(),
        MetadataOnly => "indicator data (this is indicator metadata: import it together with its data CSV)".into(),
        TableSchemaOnly => "indicator data (this is a Table Schema: it describes columns but holds no values)".into(),
        NestedGzip => "one level of gzip compression".into(),
        UnreadableGzip { reason } => format!("a readable gzip file ({})", zip_en(reason)),
        UnreadableXlsx { reason } => format!("a readable XLSX workbook ({})", zip_en(reason)),
        EmptyWorksheet => "a worksheet with a header row and data rows".into(),
        Cancelled => "an import run to its end (it was cancelled)".into(),
        UnterminatedQuote => "a closing quote before the end of the file".into(),
        TextAfterQuote => "a delimiter or the end of the line after a closing quote".into(),
        StrayQuote => "a quote only at the start of a field".into(),
        EmptyHeader => "a header row naming the columns".into(),
        DuplicateColumn => "column names that appear once in the header".into(),
        NoDataRows => "data rows after the header".into(),
        TooManyColumns { max, found } => format!(
            "at most {max} columns (this header has {found}; the import reads no wider table)"
        ),
        NoPeriodColumn { chosen } => format!(
            "{} a period column (such as Year, Date or Période) or periods as column headers (such as 2019 or 2019-Q1)",
            roles(*chosen)
        ),
        NoValueColumn { chosen } => format!(
            "{} a column of numbers next to the period column",
            roles(*chosen)
        ),
        NotAPeriodHeader => "a period as the header of a period column".into(),
        TooManyFields { expected, found } => {
            format!("at most {expected} fields, as in the header (found {found})")
        }
        TooFewFields { expected, found } => format!(
            "{expected} fields, as in the header (found {found}; the rest read as empty)"
        ),
        WrongFieldCount { expected, found } => {
            format!("{expected} fields, as in the header (found {found})")
        }
        FooterSkipped => "data rows only (this footer line is skipped)".into(),
        NoValues => "at least one value (every value cell is empty or missing)".into(),
        NotANumber => "a number".into(),
        NumberOutOfRange => "a number within the range of a 64-bit float".into(),
        TwoDecimalSeparators => "a number with one decimal separator".into(),
        GroupingAfterDecimal => "a number without grouping after the decimal separator".into(),
        WrongDecimalSeparator { decimal: ',' } => "a number with a decimal comma".into(),
        WrongDecimalSeparator { decimal: '.' } => "a number with a decimal point".into(),
        WrongDecimalSeparator { decimal } => {
            format!("a number with `{decimal}` as decimal separator")
        }
        NoThousandsSeparator => "a number (no thousands separator was detected)".into(),
        SuppressionCode => "a real value (this looks like a suppression code; declare it a missing marker if it is one)".into(),
        UnknownPeriod => "a period such as 2019, 2019/20, 2019-Q1, T1 - 2019, 2019-03, janv. 2019 or 18/03/2019".into(),
        NotAnIsoPeriod => "a period such as 2021, 2021-Q3, 2021-06 or 2021-06-30".into(),
        NotAnIsoDate => "a date such as 2021-06-30".into(),
        NoSuchDate => "a date that exists".into(),
        NotAMonth => "a month name such as janv., février or March".into(),
        MissingIndicatorId => "an indicator id".into(),
        UnknownIndicator { known } => format!("a known indicator id ({}…)", known.join(", ")),
        MixedUnits { first } => format!(
            "one unit per indicator (first saw `{first}`; other units are kept as a `unit` dimension)"
        ),
        InvalidJson { message } => format!("valid JSON ({message})"),
        InvalidOptions { message } => format!("import options in JSON ({message})"),
        UnknownJsonShape => "an array of records (objects with the same keys) or a Data Package descriptor with `resources`".into(),
        NotBoundaries => "a boundary file: a GeoJSON FeatureCollection or a TopoJSON Topology of polygons".into(),
        BadGeometry => "a feature whose geometry is a Polygon or MultiPolygon of [longitude, latitude] numbers".into(),
        NoRecords => "at least one record".into(),
        NoColumnNames => "a first array of column names".into(),
        NotARowArray => "an array of numbers and texts (one per column)".into(),
        NotARecord => "an object (one record per array element)".into(),
        NestedValue { key } => {
            format!("a number or a text in `{key}` (not a nested object or array)")
        }
        InlineData { resource, problem } => format!(
            "inline data of resource `{resource}` as {}",
            expected_en(problem)
        ),
        NotADescriptor => "a JSON object (a Data Package descriptor)".into(),
        NoResources => "a `resources` array".into(),
        MissingResource { name } => format!("a resource named `{name}`"),
        BadResourcePath {
            index,
            resource,
            refusal,
        } => format!(
            "resources[{index}].path (`{resource}`) to be a relative path inside the package's folder ({})",
            path_refusal_en(*refusal)
        ),
        NoTableSchema { resource } => {
            format!("resource `{resource}` to have a Table Schema with `fields`")
        }
        MissingResourceFile { resource } => {
            format!("the file of resource `{resource}` alongside the descriptor")
        }
        NoReadableResource => "a resource with a `path` to a CSV file or inline `data`".into(),
        MissingHeader { columns } => format!("a header line: {}", columns.join(",")),
        MissingColumn { name } => format!("column `{name}` (as the Table Schema says)"),
        ExtraColumn { max } => format!("no more than {max} columns"),
        BadIdentifier => "an identifier (letters, digits, - _ .)".into(),
        DuplicateId => "an identifier not used on an earlier line".into(),
        UnknownReference { resource } => match resource.as_str() {
            "axes" => "an axis id from axes.csv".into(),
            "projects" => "a project id from projects.csv".into(),
            "indicators" => "an indicator id from indicators.csv".into(),
            other => format!("an id from {other}.csv"),
        },
        OneOf { options } => format!("one of {}", options.join(", ")),
        BadPrecision { max } => format!("a number of decimals from 0 to {max}"),
        DuplicateObservation => "one observation per indicator and period".into(),
        MilestoneWithoutValue {
            milestone: MilestoneName::Baseline,
        } => "a baseline value, since a baseline period is given".into(),
        MilestoneWithoutValue {
            milestone: MilestoneName::Target,
        } => "a target value, since a target period is given".into(),
        ProgressOption { key, expected } => {
            let what = match expected {
                ProgressOptionValue::EntryList => {
                    "a list of mappings, one per series (`- base_year: 2015`)"
                }
                ProgressOptionValue::Key => {
                    "one of base_year, target, target_year, direction, limit, progress_thresholds, series, unit (Vigie measures no disaggregation other than series and unit)"
                }
                ProgressOptionValue::ThresholdKey => "one of high, med, low",
                ProgressOptionValue::Year => "a year written as a whole number (2015)",
                ProgressOptionValue::Number => "a number (0.5, -2)",
                ProgressOptionValue::Direction => "positive or negative",
                ProgressOptionValue::Text => "a non-empty text",
                ProgressOptionValue::Thresholds => "a mapping of high, med and low",
                ProgressOptionValue::SingleEntry => {
                    "one entry (Vigie measures the first series; this one is left out)"
                }
            };
            format!("in progress_calculation_options, for `{key}`: {what}")
        }
    }
}

fn expected_fr(kind: &ProblemKind) -> String {
    use ProblemKind::*;
    let roles = |chosen: bool| {
        if chosen {
            "des rôles de colonnes avec"
        } else {
            "des données d’indicateurs :"
        }
    };
    match kind {
        EmptyFile => "des données d’indicateurs (le fichier est vide)".into(),
        BinaryFile => "un fichier texte (CSV, TSV, JSON) ; celui-ci contient des octets binaires".into(),
        MetadataOnly => "des données d’indicateurs (ce sont des métadonnées d’indicateur : importez-les avec le CSV de leurs données)".into(),
        TableSchemaOnly => "des données d’indicateurs (c’est un Table Schema : il décrit des colonnes mais ne contient aucune valeur)".into(),
        NestedGzip => "un seul niveau de compression gzip".into(),
        UnreadableGzip { reason } => format!("un fichier gzip lisible ({})", zip_fr(reason)),
        UnreadableXlsx { reason } => format!("un classeur XLSX lisible ({})", zip_fr(reason)),
        EmptyWorksheet => "une feuille avec une ligne d’en-tête et des lignes de données".into(),
        Cancelled => "une importation menée à son terme (elle a été annulée)".into(),
        UnterminatedQuote => "un guillemet fermant avant la fin du fichier".into(),
        TextAfterQuote => "un séparateur ou la fin de la ligne après un guillemet fermant".into(),
        StrayQuote => "un guillemet seulement au début d’un champ".into(),
        EmptyHeader => "une ligne d’en-tête qui nomme les colonnes".into(),
        DuplicateColumn => "des noms de colonnes qui n’apparaissent qu’une fois dans l’en-tête".into(),
        NoDataRows => "des lignes de données après l’en-tête".into(),
        TooManyColumns { max, found } => format!(
            "au plus {max} colonnes (cet en-tête en a {found} ; l’import ne lit pas de table plus large)"
        ),
        NoPeriodColumn { chosen } => format!(
            "{} une colonne de périodes (comme Année, Date ou Year) ou des périodes en en-têtes de colonnes (comme 2019 ou 2019-Q1)",
            roles(*chosen)
        ),
        NoValueColumn { chosen } => format!(
            "{} une colonne de nombres à côté de la colonne de périodes",
            roles(*chosen)
        ),
        NotAPeriodHeader => "une période comme en-tête d’une colonne de période".into(),
        TooManyFields { expected, found } => {
            format!("au plus {expected} champs, comme dans l’en-tête (il y en a {found})")
        }
        TooFewFields { expected, found } => format!(
            "{expected} champs, comme dans l’en-tête (il y en a {found} ; les autres sont lus comme vides)"
        ),
        WrongFieldCount { expected, found } => {
            format!("{expected} champs, comme dans l’en-tête (il y en a {found})")
        }
        FooterSkipped => "des lignes de données seulement (cette ligne de pied de tableau est ignorée)".into(),
        NoValues => "au moins une valeur (toutes les cellules de valeur sont vides ou manquantes)".into(),
        NotANumber => "un nombre".into(),
        NumberOutOfRange => "un nombre dans les limites d’un flottant 64 bits".into(),
        TwoDecimalSeparators => "un nombre avec un seul séparateur décimal".into(),
        GroupingAfterDecimal => "un nombre sans séparateur de milliers après le séparateur décimal".into(),
        WrongDecimalSeparator { decimal: ',' } => "un nombre avec une virgule décimale".into(),
        WrongDecimalSeparator { decimal: '.' } => "un nombre avec un point décimal".into(),
        WrongDecimalSeparator { decimal } => {
            format!("un nombre avec « {decimal} » comme séparateur décimal")
        }
        NoThousandsSeparator => "un nombre (aucun séparateur de milliers n’a été détecté)".into(),
        SuppressionCode => "une vraie valeur (ceci ressemble à un code de secret statistique ; déclarez-le comme marqueur de valeur manquante si c’en est un)".into(),
        UnknownPeriod => "une période comme 2019, 2019/20, 2019-Q1, T1 - 2019, 2019-03, janv. 2019 ou 18/03/2019".into(),
        NotAnIsoPeriod => "une période comme 2021, 2021-Q3, 2021-06 ou 2021-06-30".into(),
        NotAnIsoDate => "une date comme 2021-06-30".into(),
        NoSuchDate => "une date qui existe".into(),
        NotAMonth => "un nom de mois comme janv., février ou March".into(),
        MissingIndicatorId => "un identifiant d’indicateur".into(),
        UnknownIndicator { known } => {
            format!("un identifiant d’indicateur connu ({}…)", known.join(", "))
        }
        MixedUnits { first } => format!(
            "une seule unité par indicateur (la première vue est « {first} » ; les autres unités sont gardées comme dimension « unit »)"
        ),
        InvalidJson { message } => format!("du JSON valide ({message})"),
        InvalidOptions { message } => format!("des options d’importation en JSON ({message})"),
        UnknownJsonShape => "un tableau d’enregistrements (des objets aux mêmes clés) ou un descripteur Data Package avec « resources »".into(),
        NotBoundaries => "un fichier de contours : une FeatureCollection GeoJSON ou une Topology TopoJSON de polygones".into(),
        BadGeometry => "un élément dont la géométrie est un Polygon ou un MultiPolygon de nombres [longitude, latitude]".into(),
        NoRecords => "au moins un enregistrement".into(),
        NoColumnNames => "un premier tableau de noms de colonnes".into(),
        NotARowArray => "un tableau de nombres et de textes (un par colonne)".into(),
        NotARecord => "un objet (un enregistrement par élément du tableau)".into(),
        NestedValue { key } => {
            format!("un nombre ou un texte dans « {key} » (pas un objet ni un tableau imbriqué)")
        }
        InlineData { resource, problem } => format!(
            "dans les données intégrées de la ressource « {resource} », {}",
            expected_fr(problem)
        ),
        NotADescriptor => "un objet JSON (un descripteur Data Package)".into(),
        NoResources => "un tableau « resources »".into(),
        MissingResource { name } => format!("une ressource nommée « {name} »"),
        BadResourcePath {
            index,
            resource,
            refusal,
        } => format!(
            "pour resources[{index}].path (« {resource} ») un chemin relatif à l’intérieur du dossier du paquet ({})",
            path_refusal_fr(*refusal)
        ),
        NoTableSchema { resource } => format!(
            "un Table Schema avec ses « fields » pour la ressource « {resource} »"
        ),
        MissingResourceFile { resource } => {
            format!("le fichier de la ressource « {resource} » à côté du descripteur")
        }
        NoReadableResource => "une ressource avec un chemin (« path ») vers un fichier CSV ou des données intégrées (« data »)".into(),
        MissingHeader { columns } => format!("une ligne d’en-tête : {}", columns.join(",")),
        MissingColumn { name } => format!("la colonne « {name} » (comme le dit le Table Schema)"),
        ExtraColumn { max } => format!("au plus {max} colonnes"),
        BadIdentifier => "un identifiant (lettres, chiffres, - _ .)".into(),
        DuplicateId => "un identifiant qui n’est pas déjà utilisé sur une ligne précédente".into(),
        UnknownReference { resource } => match resource.as_str() {
            "axes" => "un identifiant d’axe présent dans axes.csv".into(),
            "projects" => "un identifiant de projet présent dans projects.csv".into(),
            "indicators" => "un identifiant d’indicateur présent dans indicators.csv".into(),
            other => format!("un identifiant présent dans {other}.csv"),
        },
        OneOf { options } => format!("une valeur parmi {}", options.join(", ")),
        BadPrecision { max } => format!("un nombre de décimales de 0 à {max}"),
        DuplicateObservation => "une seule observation par indicateur et par période".into(),
        MilestoneWithoutValue {
            milestone: MilestoneName::Baseline,
        } => "une valeur initiale, puisque sa période est donnée".into(),
        MilestoneWithoutValue {
            milestone: MilestoneName::Target,
        } => "une valeur cible, puisque sa période est donnée".into(),
        ProgressOption { key, expected } => {
            let what = match expected {
                ProgressOptionValue::EntryList => {
                    "une liste de dictionnaires, un par série (« - base_year: 2015 »)"
                }
                ProgressOptionValue::Key => {
                    "une clé parmi base_year, target, target_year, direction, limit, progress_thresholds, series, unit (Vigie ne mesure pas d’autre désagrégation que la série et l’unité)"
                }
                ProgressOptionValue::ThresholdKey => "une clé parmi high, med, low",
                ProgressOptionValue::Year => "une année en nombre entier (2015)",
                ProgressOptionValue::Number => "un nombre écrit avec un point décimal (0.5, -2)",
                ProgressOptionValue::Direction => "positive ou negative",
                ProgressOptionValue::Text => "un texte non vide",
                ProgressOptionValue::Thresholds => "un dictionnaire de high, med et low",
                ProgressOptionValue::SingleEntry => {
                    "une seule entrée (Vigie mesure la première série ; celle-ci est laissée de côté)"
                }
            };
            format!("dans progress_calculation_options, pour « {key} » : {what}")
        }
    }
}

// A refused observatory export, in each language.

impl Lang {
    /// Why an observatory export was refused, starting with the file's name (`datapackage.json: …`).
    pub fn export_error(self, e: &ExportError) -> String {
        use ExportError::*;
        let fr = self == Lang::Fr;
        let text = match e {
            NotAnExport { message } if fr => format!("ce n’est pas un export de Vigie ({message})"),
            NotAnExport { message } => format!("not a Vigie export: {message}"),
            WrongPackage { name } if fr => {
                format!("le paquet s’appelle « {name} », et non « {PACKAGE_NAME} »")
            }
            WrongPackage { name } => {
                format!("package name is {name:?}, expected {PACKAGE_NAME:?}")
            }
            NewerFormat { format } if fr => {
                format!("le format d’export {format} vient d’une version plus récente de Vigie")
            }
            NewerFormat { format } => {
                format!("export format {format} was written by a newer Vigie")
            }
            BadMetadata { resource, message } if fr => {
                format!("{resource} : métadonnées illisibles ({message})")
            }
            BadMetadata { resource, message } => format!("{resource}: {message}"),
            MetadataMissing { resource } if fr => {
                format!("{resource} : vient avant ses métadonnées")
            }
            MetadataMissing { resource } => format!("{resource}: comes before its metadata"),
            ObservationsMissing { resource } if fr => {
                format!("{resource} : vient avant ses observations")
            }
            ObservationsMissing { resource } => {
                format!("{resource}: comes before its observations")
            }
            UnknownPart { resource, part } if fr => {
                format!("{resource} : partie inconnue « {part} »")
            }
            UnknownPart { resource, part } => format!("{resource}: unknown part {part:?}"),
            DuplicateDataset if fr => "un identifiant de jeu de données apparaît deux fois".into(),
            DuplicateDataset => "a dataset id appears twice".into(),
            NoDataset { resource } if fr => {
                format!("{resource} : ne dit pas à quel jeu de données il appartient")
            }
            NoDataset { resource } => {
                format!("{resource}: does not say which dataset it belongs to")
            }
            BadBoundaries { file, message } if fr => {
                format!("fichier de frontières « {file} » illisible ({message})")
            }
            BadBoundaries { file, message } => {
                format!("boundary file {file:?} cannot be read: {message}")
            }
            DataNotArray { resource } if fr => {
                format!("{resource} : les données ne sont pas un tableau")
            }
            DataNotArray { resource } => format!("{resource}: data is not an array"),
            BadRow {
                resource,
                row,
                fault,
            } => {
                let what = match (fault, fr) {
                    (RowFault::Shape, true) => {
                        "attendu [indicateur, période, valeur, provenance, note, série, signe]"
                            .into()
                    }
                    (RowFault::Shape, false) => {
                        "expected [indicator, period, value, provenance, note, series, flag]".into()
                    }
                    (RowFault::NotText, true) => "attendu un texte".into(),
                    (RowFault::NotText, false) => "expected a text".into(),
                    (RowFault::Period, true) => {
                        "attendu une période comme 2021, 2021-Q3, 2021-06 ou 2021-06-30".into()
                    }
                    (RowFault::Period, false) => {
                        "expected a period such as 2021, 2021-Q3, 2021-06 or 2021-06-30".into()
                    }
                    (RowFault::NotANumber { value }, true) => {
                        format!("ce n’est pas un nombre : {value}")
                    }
                    (RowFault::NotANumber { value }, false) => format!("not a number: {value}"),
                    (RowFault::UnknownProvenance { value }, true) => {
                        format!("provenance inconnue « {value} »")
                    }
                    (RowFault::UnknownProvenance { value }, false) => {
                        format!("unknown provenance {value}")
                    }
                    (RowFault::Series, true) => "attendu un numéro de série".into(),
                    (RowFault::Series, false) => "expected a series number".into(),
                    (RowFault::StatementShape, true) => {
                        "attendu [action, moment, date, énoncé fr, énoncé en, rédigé le]".into()
                    }
                    (RowFault::StatementShape, false) => {
                        "expected [project, moment, date, statement_fr, statement_en, written_at]"
                            .into()
                    }
                    (RowFault::Moment, true) => "attendu start, midway ou final".into(),
                    (RowFault::Moment, false) => "expected start, midway or final".into(),
                    (RowFault::Date, true) => "attendu une date comme 2021-06-30".into(),
                    (RowFault::Date, false) => "expected a date such as 2021-06-30".into(),
                };
                if fr {
                    format!("{resource} : ligne {row} : {what}")
                } else {
                    format!("{resource}: row {row}: {what}")
                }
            }
        };
        if fr {
            format!("datapackage.json : {text}")
        } else {
            format!("datapackage.json: {text}")
        }
    }
}

/// In English, for logs and error values; pages use `Lang::export_error`.
impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Lang::En.export_error(self))
    }
}

/// The store's errors (`vigie::store::StoreError::describe` composes them with their data).
pub struct StoreStrings {
    /// Followed by the browser's own message.
    pub idb: &'static str,
    pub unavailable: &'static str,
    /// `{bytes}`: the size refused, in the language's units.
    pub quota: &'static str,
    /// Followed by the decoder's message.
    pub decode: &'static str,
    /// Followed by the network's message.
    pub fetch: &'static str,
    /// `{id}`: the dataset's id.
    pub no_dataset: &'static str,
    /// `{id}`: the dataset's id.
    pub chunk_count: &'static str,
}

const FR_STORE: StoreStrings = StoreStrings {
    idb: "Le stockage du navigateur (IndexedDB) a refusé l’opération ; rien n’a été modifié. Message du navigateur :",
    unavailable: "Le stockage du navigateur (IndexedDB) n’est pas disponible (navigation privée ou stockage désactivé) : rien ne sera conservé.",
    quota: "Espace de stockage insuffisant : le navigateur a refusé d’enregistrer {bytes} ; rien n’a été modifié.",
    decode: "Des données conservées dans ce navigateur n’ont pas pu être relues :",
    fetch: "Le jeu de données par défaut n’a pas pu être téléchargé :",
    no_dataset: "Aucun jeu de données « {id} » n’est conservé dans ce navigateur.",
    chunk_count: "L’enregistrement de « {id} » est incomplet (nombre de blocs d’observations inattendu) ; rien n’a été modifié.",
};

const EN_STORE: StoreStrings = StoreStrings {
    idb: "The browser's storage (IndexedDB) refused the operation; nothing was changed. The browser said:",
    unavailable: "The browser's storage (IndexedDB) is unavailable (private mode or storage disabled): nothing will be kept.",
    quota: "Not enough storage space: the browser refused to store {bytes}; nothing was changed.",
    decode: "Data kept in this browser could not be read back:",
    fetch: "The default dataset could not be downloaded:",
    no_dataset: "No dataset \u{201c}{id}\u{201d} is kept in this browser.",
    chunk_count: "Saving \u{201c}{id}\u{201d} was incomplete (unexpected number of observation chunks); nothing was changed.",
};

impl Lang {
    /// The store's error sentences in this language.
    pub fn store_strings(self) -> &'static StoreStrings {
        match self {
            Lang::Fr => &FR_STORE,
            Lang::En => &EN_STORE,
        }
    }
}

/// Why a container could not be opened, in English.
fn zip_en(z: &crate::ingest::zip::ZipError) -> String {
    use crate::ingest::zip::ZipError::*;
    match z {
        TooLarge { limit_mib } => {
            format!("its data inflates beyond {limit_mib} MiB, the most one file may take")
        }
        Corrupt => "its compressed data ends early or is corrupt".into(),
        NoGzipHeader => "no valid gzip header".into(),
        NoDirectory => "no zip directory: not a zip archive, or a truncated one".into(),
        BrokenDirectory => "its zip directory is broken or cut short".into(),
        TruncatedEntry { entry } => format!("the part `{entry}` is cut short"),
        Method { entry, method } => format!(
            "the part `{entry}` uses compression method {method}, not stored or deflate"
        ),
        Damaged { entry } => format!(
            "the part `{entry}` is damaged: its checksum differs from the archive's"
        ),
        EntryOutside { entry } => format!(
            "the part `{entry}` has a name outside the archive, a sign of a hostile file; the archive is refused"
        ),
        DocumentType { part } => format!(
            "the part `{part}` declares a document type (`<!DOCTYPE`/`<!ENTITY`), which no workbook needs; it is refused"
        ),
        NoSheetNamed { name } => format!("no worksheet named `{name}`"),
        NoSheet => "no worksheet found".into(),
    }
}

/// Why a container could not be opened, in French.
fn zip_fr(z: &crate::ingest::zip::ZipError) -> String {
    use crate::ingest::zip::ZipError::*;
    match z {
        TooLarge { limit_mib } => format!(
            "ses données décompressées dépassent {limit_mib} Mio, le plus qu’un fichier peut occuper"
        ),
        Corrupt => "ses données compressées s’arrêtent trop tôt ou sont corrompues".into(),
        NoGzipHeader => "pas d’en-tête gzip valide".into(),
        NoDirectory => "pas de répertoire zip : ce n’est pas une archive zip, ou elle est tronquée".into(),
        BrokenDirectory => "son répertoire zip est abîmé ou tronqué".into(),
        TruncatedEntry { entry } => format!("la partie « {entry} » est tronquée"),
        Method { entry, method } => format!(
            "la partie « {entry} » utilise la méthode de compression {method}, ni stockée ni deflate"
        ),
        Damaged { entry } => format!(
            "la partie « {entry} » est abîmée : sa somme de contrôle diffère de celle de l’archive"
        ),
        EntryOutside { entry } => format!(
            "la partie « {entry} » porte un nom hors de l’archive, signe d’un fichier hostile ; l’archive est refusée"
        ),
        DocumentType { part } => format!(
            "la partie « {part} » déclare un type de document (« <!DOCTYPE », « <!ENTITY »), dont aucun classeur n’a besoin ; elle est refusée"
        ),
        NoSheetNamed { name } => format!("aucune feuille nommée « {name} »"),
        NoSheet => "aucune feuille trouvée".into(),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn counts_agree_with_their_number_in_each_language() {
        let (fr, en) = (Lang::Fr.import_strings(), Lang::En.import_strings());
        assert_eq!(Lang::Fr.plural(0, fr.c_indicators), "indicateur");
        assert_eq!(Lang::Fr.plural(1, fr.c_indicators), "indicateur");
        assert_eq!(Lang::Fr.plural(2, fr.c_indicators), "indicateurs");
        assert_eq!(Lang::En.plural(0, en.c_indicators), "indicators");
        assert_eq!(Lang::En.plural(1, en.c_indicators), "indicator");
        assert_eq!(Lang::En.plural(1, en.c_missing), "empty or missing cell");
        assert_eq!(Lang::Fr.plural(1500, fr.c_rows), "lignes de données");
    }

    #[test]
    fn store_errors_read_in_both_languages_with_their_placeholders() {
        let (fr, en) = (Lang::Fr.store_strings(), Lang::En.store_strings());
        let pairs = [
            (fr.idb, en.idb),
            (fr.unavailable, en.unavailable),
            (fr.quota, en.quota),
            (fr.decode, en.decode),
            (fr.fetch, en.fetch),
            (fr.no_dataset, en.no_dataset),
            (fr.chunk_count, en.chunk_count),
        ];
        for (f, e) in pairs {
            assert!(!f.is_empty() && !e.is_empty() && f != e, "{f} / {e}");
        }
        for t in [fr, en] {
            assert!(t.quota.contains("{bytes}"));
            assert!(t.no_dataset.contains("{id}") && t.chunk_count.contains("{id}"));
        }
    }

    use super::*;

    #[test]
    fn every_problem_kind_has_a_french_and_an_english_text() {
        for kind in ProblemKind::examples() {
            let (fr, en) = (Lang::Fr.expected(&kind), Lang::En.expected(&kind));
            assert!(!fr.trim().is_empty() && !en.trim().is_empty(), "{kind:?}");
            assert_ne!(fr, en, "{kind:?}");
            assert!(!fr.contains('`'), "French quotes are « »: {fr}");
        }
    }

    #[test]
    fn every_container_fault_reads_in_both_languages_and_round_trips() {
        for z in crate::ingest::zip::ZipError::examples() {
            let (fr, en) = (zip_fr(&z), zip_en(&z));
            assert!(!fr.trim().is_empty() && fr != en, "{z:?}");
            assert!(!fr.contains('`'), "French quotes are « »: {fr}");
            let v = serde_json::to_value(&z).unwrap();
            assert_eq!(
                serde_json::from_value::<crate::ingest::zip::ZipError>(v).unwrap(),
                z
            );
        }
    }

    #[test]
    fn export_errors_read_in_each_language() {
        let all = [
            ExportError::NotAnExport {
                message: "EOF".into(),
            },
            ExportError::WrongPackage {
                name: "other".into(),
            },
            ExportError::NewerFormat { format: 2 },
            ExportError::BadMetadata {
                resource: "r".into(),
                message: "missing field".into(),
            },
            ExportError::MetadataMissing {
                resource: "r".into(),
            },
            ExportError::ObservationsMissing {
                resource: "r".into(),
            },
            ExportError::UnknownPart {
                resource: "r".into(),
                part: "p".into(),
            },
            ExportError::DuplicateDataset,
            ExportError::DataNotArray {
                resource: "r".into(),
            },
            ExportError::NoDataset {
                resource: "r".into(),
            },
            ExportError::BadBoundaries {
                file: "f.geojson".into(),
                message: "line 1".into(),
            },
        ];
        let faults = [
            RowFault::Shape,
            RowFault::NotText,
            RowFault::Period,
            RowFault::NotANumber { value: "x".into() },
            RowFault::UnknownProvenance { value: "x".into() },
            RowFault::Series,
            RowFault::StatementShape,
            RowFault::Moment,
            RowFault::Date,
        ];
        let rows = faults.into_iter().map(|fault| ExportError::BadRow {
            resource: "r".into(),
            row: 1,
            fault,
        });
        for e in all.into_iter().chain(rows) {
            let (fr, en) = (Lang::Fr.export_error(&e), Lang::En.export_error(&e));
            assert!(fr.starts_with("datapackage.json") && en.starts_with("datapackage.json"));
            assert_ne!(fr, en, "{e:?}");
            assert_eq!(e.to_string(), en);
        }
        let e = ExportError::BadRow {
            resource: "dataset-0-edits".into(),
            row: 1,
            fault: RowFault::UnknownProvenance {
                value: "nope".into(),
            },
        };
        assert_eq!(
            e.to_string(),
            "datapackage.json: dataset-0-edits: row 1: unknown provenance nope"
        );
        assert_eq!(
            Lang::Fr.export_error(&e),
            "datapackage.json : dataset-0-edits : ligne 1 : provenance inconnue « nope »"
        );
    }

    #[test]
    fn problems_read_on_one_line_in_each_language() {
        let p = Problem::at("obs.csv", 3, 7, "abc", ProblemKind::NotANumber);
        assert_eq!(p.to_string(), "obs.csv:3:7: expected a number, found `abc`");
        assert_eq!(Lang::En.problem(&p), p.to_string());
        assert_eq!(
            Lang::Fr.problem(&p),
            "obs.csv:3:7: attendu un nombre, trouvé « abc »"
        );
        let whole = Problem::at(
            "datapackage.json",
            0,
            0,
            "",
            ProblemKind::MissingResource {
                name: "indicators".into(),
            },
        );
        assert_eq!(
            whole.to_string(),
            "datapackage.json: expected a resource named `indicators`"
        );
        assert_eq!(
            Lang::Fr.problem(&whole),
            "datapackage.json: attendu une ressource nommée « indicators »"
        );
        let line = Problem::at("a.csv", 4, 0, "", ProblemKind::NoDataRows);
        assert_eq!(
            line.to_string(),
            "a.csv:4: expected data rows after the header"
        );
    }
}
