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

/// The data manager's strings (page `/data`), kept in their own table so that pages merge cleanly.
pub struct DataStrings {
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
    storage: "Stockage",
    used: "utilisés",
    left: "disponibles",
    unknown: "Le navigateur n’indique pas l’espace utilisé.",
    persisted_yes: "Stockage persistant accordé : le navigateur ne supprimera pas ces données pour faire de la place.",
    persisted_no: "Stockage persistant non accordé : le navigateur pourrait effacer ces données s’il manque de place. Exportez régulièrement.",
    persist_unsupported: "Ce navigateur ne propose pas de stockage persistant.",
    memory_only: "Stockage du navigateur indisponible (navigation privée ou désactivé) : Vigie fonctionne en mémoire et rien ne sera conservé après fermeture de l’onglet.",
    export_title: "Exporter ou importer tout l’observatoire",
    export_help: "Un seul fichier datapackage.json (Frictionless) : les données, vos saisies et les statuts calculés. Importé sur une autre machine, il redonne le même état.",
    export_button: "Exporter l’observatoire",
    import_label: "Importer un observatoire (remplace tout)",
    import_help: "L’import remplace tous les jeux de données ; s’il échoue, rien n’est modifié.",
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
    storage: "Storage",
    used: "used",
    left: "left",
    unknown: "The browser does not tell how much space is used.",
    persisted_yes: "Persistent storage granted: the browser will not delete this data to make room.",
    persisted_no: "Persistent storage not granted: the browser may clear this data when space runs low. Export regularly.",
    persist_unsupported: "This browser offers no persistent storage.",
    memory_only: "Browser storage unavailable (private mode or disabled): Vigie works in memory and nothing will be kept after this tab is closed.",
    export_title: "Export or import the whole observatory",
    export_help: "One datapackage.json file (Frictionless): the data, your entries and the computed statuses. Imported on another machine, it gives back the same state.",
    export_button: "Export the observatory",
    import_label: "Import an observatory (replaces everything)",
    import_help: "Importing replaces every dataset; if it fails, nothing is changed.",
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
