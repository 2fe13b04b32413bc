//! The methodology page's text: how each KPI is computed, in French and English, with its sources.
//!
//! The words match what the engine does (see each module); the UI renders the sections in order.

use crate::model::Text;
use serde::Serialize;

/// One section of the methodology page.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Section {
    /// A stable anchor for deep links.
    pub id: &'static str,
    pub title: (&'static str, &'static str),
    /// Paragraphs, French then English.
    pub body: (&'static str, &'static str),
    /// Bibliographic references or addresses.
    pub sources: &'static [&'static str],
}

impl Section {
    /// The title in both languages.
    pub fn title(&self) -> Text {
        Text::new(self.title.0, self.title.1)
    }

    /// The body in both languages.
    pub fn body(&self) -> Text {
        Text::new(self.body.0, self.body.1)
    }
}

/// The sections, in reading order.
pub const SECTIONS: &[Section] = &[
    Section {
        id: "dates",
        title: ("Dates et « à la date du »", "Dates and “as of”"),
        body: (
            "Une valeur, une valeur initiale ou une cible se rapporte à une période (année, trimestre, mois, jour) et est placée à la fin de cette période : la valeur de 2021 compte à partir du 31 décembre 2021. Choisir une date « à la date du » ne retient que les valeurs dont la période est terminée ce jour-là. Plusieurs valeurs d’une même période sont combinées selon l’agrégation de l’indicateur (somme, moyenne ou dernière).",
            "A value, a baseline or a target refers to a period (year, quarter, month, day) and is placed at the end of that period: the value of 2021 counts from 31 December 2021 on. Choosing an “as of” date keeps only the values whose period has ended by that day. Several values for one period combine by the indicator’s aggregation (sum, mean or last).",
        ),
        sources: &[],
    },
    Section {
        id: "progress-rate",
        title: ("Taux d’avancement", "Progress rate"),
        body: (
            "TA = 100 × (VA − VI) / (VC − VI), ramené entre 0 et 100 %, où VA est la dernière valeur connue, VI la valeur initiale et VC la cible. Un objectif de baisse se lit de la même façon. Si la cible est déjà dépassée à l’origine, TA vaut 100 % quand VA atteint la cible et 0 sinon. Le taux n’est pas défini quand VI = VC.",
            "TA = 100 × (VA − VI) / (VC − VI), clamped to 0–100%, where VA is the latest known value, VI the baseline and VC the target. A decrease goal reads the same way. When the target is already beyond the baseline, TA is 100% if VA meets the target and 0 otherwise. The rate is undefined when VI = VC.",
        ),
        sources: &[
            "Direction interministérielle de la transformation publique, Baromètre des résultats de l’action publique / outil Pilote.",
        ],
    },
    Section {
        id: "trajectory",
        title: ("Attendu à date et statut", "Expected by now and status"),
        body: (
            "La trajectoire va en ligne droite de (date de la valeur initiale, VI) à (date de la cible, VC). L’attendu à date E est la part du temps écoulé, entre 0 et 100 %. L’indicateur est « en bonne voie » si TA ≥ 95 % de E, « à risque » si TA ≥ 60 % de E, « en retard » sinon (seuils réglables) ; « cible atteinte » dès que VA atteint la cible. Avant la date initiale, rien n’est encore attendu ; après la date de la cible, tout l’est. Sans valeur : « pas de donnée » ; sans valeur initiale ou sans cible : « non évaluable ».",
            "The trajectory runs straight from (baseline date, VI) to (target date, VC). Expected by now, E, is the share of the time elapsed, from 0 to 100%. The indicator is “on track” if TA ≥ 95% of E, “at risk” if TA ≥ 60% of E, “off track” otherwise (thresholds can be set); “target achieved” as soon as VA meets the target. Before the baseline date nothing is expected yet; after the target date everything is. Without a value: “no data”; without a baseline or a target: “not assessable”.",
        ),
        sources: &[],
    },
    Section {
        id: "open-sdg",
        title: ("Statut de progrès Open SDG", "Open SDG progress status"),
        body: (
            "Méthode de Statistique Canada reprise par Open SDG. TCAM(v1, v0, t1, t0) = (v1 / v0)^(1 / (t1 − t0)) − 1. Sans cible : P = signe × sens × TCAM observé, seuils 0,015 / 0,005 / 0, abaissés près d’une limite. Avec cible : P = signe × sens × TCAM observé / |TCAM requis|, seuils 0,95 / 0,6 / 0. Statuts : cible atteinte, progrès substantiel, modéré, limité, détérioration, non disponible ; score entre −5 et 5. Une valeur de base ou une cible nulle est remplacée par 0,001 ; un changement de signe ou moins d’un an d’écart rend le statut non disponible. Vigie passe explicitement l’année de base (celle de la valeur initiale), la cible, son année et le sens.",
            "Statistics Canada’s method as used by Open SDG. CAGR(v1, v0, t1, t0) = (v1 / v0)^(1 / (t1 − t0)) − 1. Without a target: P = sign × direction × observed CAGR, thresholds 0.015 / 0.005 / 0, lowered near a limit. With a target: P = sign × direction × observed CAGR / |required CAGR|, thresholds 0.95 / 0.6 / 0. Statuses: target achieved, substantial, moderate, limited progress, deterioration, not available; score from −5 to 5. A zero base value or target becomes 0.001; a sign change or less than a year apart makes the status not available. Vigie passes the base year (the baseline’s), the target, its year and the direction explicitly.",
        ),
        sources: &[
            "Open SDG, sdg-build, sdg/ProgressMeasure.py (commit 139fede74ba534d2ed8b9eee4cd878b41f54cb67), https://github.com/open-sdg/sdg-build",
            "Statistics Canada, Canada’s Sustainable Development Goals Data Hub, progress assessment methodology.",
        ],
    },
    Section {
        id: "forecast",
        title: ("Prévision", "Forecast"),
        body: (
            "Droite des moindres carrés passant par les valeurs connues (le temps en années). Vigie donne sa valeur à la date de la cible et la date à laquelle elle atteint la cible, sauf si elle est plate ou va dans le mauvais sens. Il faut au moins deux dates.",
            "Least-squares line through the known values (time in years). Vigie gives its value at the target date and the date it reaches the target, unless it is flat or goes the wrong way. At least two dates are needed.",
        ),
        sources: &[],
    },
    Section {
        id: "collection",
        title: ("Collecte et retards", "Collection and overdue values"),
        body: (
            "Un indicateur est renseigné s’il a au moins une valeur connue à la date. Il est en retard quand la valeur de la période suivant sa dernière valeur (selon sa fréquence : année, trimestre, mois) n’est pas arrivée 90 jours (réglable) après la fin de cette période. Sans valeur, la période de référence est celle de la valeur initiale. Une fréquence « unique » n’est jamais en retard.",
            "An indicator is informed when it has at least one value known at the date. It is overdue when the value for the period after its latest value (by its frequency: year, quarter, month) has not come 90 days (adjustable) after that period ended. Without any value, the reference period is the baseline’s. A frequency of “once” is never overdue.",
        ),
        sources: &[],
    },
    Section {
        id: "rollups",
        title: ("Agrégations", "Roll-ups"),
        body: (
            "L’avancement d’un projet, d’un axe, d’un type d’indicateur ou du programme est la moyenne des taux d’avancement (ramenés entre 0 et 100 %) pondérée par le poids des indicateurs (1 par défaut). Les indicateurs sans valeur initiale, sans cible, sans donnée, au taux indéfini ou au poids invalide sont écartés de la moyenne et listés avec la raison ; ils comptent dans les statuts et la collecte.",
            "The progress of a project, an axis, an indicator kind or the programme is the mean of the progress rates (clamped to 0–100%) weighted by the indicators’ weights (1 by default). Indicators without a baseline, a target or data, with an undefined rate or an invalid weight are left out of the mean and listed with the reason; they count in the statuses and the collection.",
        ),
        sources: &[],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_has_both_languages_and_a_unique_id() {
        let mut ids: Vec<&str> = SECTIONS.iter().map(|s| s.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), SECTIONS.len());
        for s in SECTIONS {
            assert!(!s.title().fr.is_empty() && !s.title().en.is_empty());
            assert!(!s.body().fr.is_empty() && !s.body().en.is_empty());
        }
    }
}
