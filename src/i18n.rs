//! Every user-facing string, in French (the default) and English. Components never hold literals.

use crate::model::{Direction, Kind, Provenance, Text};
use serde::{Deserialize, Serialize};

/// The page language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// The BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Reads a tag (`fr`, `en`, `en-GB`…); anything else is French.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Fr
        }
    }

    /// The text in this language, falling back to French when the English is empty.
    pub fn pick(self, text: &Text) -> &str {
        match self {
            Lang::En if !text.en.is_empty() => &text.en,
            _ => &text.fr,
        }
    }

    /// The strings of this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }
}

/// The app's fixed strings.
pub struct Strings {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub indicators: &'static str,
    pub indicator: &'static str,
    pub latest_value: &'static str,
    pub baseline: &'static str,
    pub target: &'static str,
    pub progress: &'static str,
    pub no_value: &'static str,
    pub no_rate_baseline: &'static str,
    pub no_rate_target: &'static str,
    pub no_rate_data: &'static str,
    pub no_rate_equal: &'static str,
    pub kind_input: &'static str,
    pub kind_output: &'static str,
    pub kind_outcome: &'static str,
    pub direction_increase: &'static str,
    pub direction_decrease: &'static str,
    pub from_report: &'static str,
    pub illustrative: &'static str,
    pub illustrative_help: &'static str,
    pub source: &'static str,
    pub back_to_dashboard: &'static str,
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
    pub legend_observed: &'static str,
    pub legend_trajectory: &'static str,
    pub data_origin: &'static str,
    pub stored_locally: &'static str,
    pub origin_store: &'static str,
    pub origin_network: &'static str,
    pub origin_memory: &'static str,
    pub report_explained: &'static str,
    pub illustrative_explained: &'static str,
    pub indicators_count: &'static str,
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
}

pub static FR: Strings = Strings {
    app_name: "Vigie",
    tagline: "Observatoire des indicateurs",
    loading: "Chargement des données…",
    load_failed: "Les données n’ont pas pu être chargées",
    indicators: "indicateurs",
    indicator: "Indicateur",
    latest_value: "Dernière valeur",
    baseline: "Valeur initiale",
    target: "Cible",
    progress: "Taux d’avancement",
    no_value: "pas de donnée",
    no_rate_baseline: "pas de valeur initiale",
    no_rate_target: "pas de cible",
    no_rate_data: "pas de donnée",
    no_rate_equal: "valeur initiale égale à la cible",
    kind_input: "Moyens",
    kind_output: "Réalisations",
    kind_outcome: "Résultats",
    direction_increase: "à la hausse",
    direction_decrease: "à la baisse",
    from_report: "rapport ICC",
    illustrative: "illustratif",
    illustrative_help: "Valeur inventée pour la démonstration, non publiée",
    source: "Source",
    back_to_dashboard: "← Tableau de bord",
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
    legend_observed: "observé",
    legend_trajectory: "trajectoire",
    data_origin: "Origine des chiffres",
    stored_locally: "Données conservées dans ce navigateur",
    origin_store: "Données lues depuis ce navigateur (IndexedDB).",
    origin_network: "Données téléchargées puis conservées dans ce navigateur (IndexedDB).",
    origin_memory: "Stockage du navigateur indisponible : rien ne sera conservé après fermeture.",
    report_explained: "chiffre publié dans le rapport final ICC de Le Havre Seine Métropole ;",
    illustrative_explained: "valeur inventée pour la démonstration.",
    indicators_count: "indicateurs suivis",
    with_value: "avec au moins une valeur",
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
};

pub static EN: Strings = Strings {
    app_name: "Vigie",
    tagline: "Indicator observatory",
    loading: "Loading data…",
    load_failed: "The data could not be loaded",
    indicators: "indicators",
    indicator: "Indicator",
    latest_value: "Latest value",
    baseline: "Baseline",
    target: "Target",
    progress: "Progress rate",
    no_value: "no data",
    no_rate_baseline: "no baseline",
    no_rate_target: "no target",
    no_rate_data: "no data",
    no_rate_equal: "baseline equals target",
    kind_input: "Inputs",
    kind_output: "Outputs",
    kind_outcome: "Outcomes",
    direction_increase: "upward",
    direction_decrease: "downward",
    from_report: "ICC report",
    illustrative: "illustrative",
    illustrative_help: "Value invented for the demo, not published",
    source: "Source",
    back_to_dashboard: "← Dashboard",
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
    legend_observed: "observed",
    legend_trajectory: "trajectory",
    data_origin: "Where the figures come from",
    stored_locally: "Data kept in this browser",
    origin_store: "Data read from this browser (IndexedDB).",
    origin_network: "Data downloaded, then kept in this browser (IndexedDB).",
    origin_memory: "Browser storage unavailable: nothing will be kept after closing.",
    report_explained: "figure published in Le Havre Seine Métropole's ICC final report;",
    illustrative_explained: "value invented for the demo.",
    indicators_count: "indicators monitored",
    with_value: "with at least one value",
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
        }
    }

    /// Why no progress rate is shown.
    pub fn no_rate(&self, why: crate::kpi::NoRate) -> &'static str {
        use crate::kpi::NoRate::*;
        match why {
            NoBaseline => self.no_rate_baseline,
            NoTarget => self.no_rate_target,
            NoData => self.no_rate_data,
            BaselineEqualsTarget => self.no_rate_equal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_language_with_french_fallback() {
        let t = Text::new("Cible", "");
        assert_eq!(Lang::En.pick(&t), "Cible");
        assert_eq!(Lang::En.pick(&Text::new("Cible", "Target")), "Target");
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("de"), Lang::Fr);
        assert_eq!(Lang::default(), Lang::Fr);
    }
}
