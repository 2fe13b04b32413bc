//! The methodology page at `/methodology`: how each KPI is computed, with its sources, in the page language.

use super::use_lang;
use crate::kpi::methodology::SECTIONS;
use leptos::prelude::*;

#[component]
pub fn Methodology() -> impl IntoView {
    let lang = use_lang();
    move || {
        let l = lang.get();
        let s = l.strings();
        let toc = SECTIONS
            .iter()
            .map(|sec| view! { <li><a href=format!("#{}", sec.id)>{l.pick(&sec.title()).to_owned()}</a></li> })
            .collect_view();
        let sections = SECTIONS
            .iter()
            .map(|sec| {
                let paragraphs = l
                    .pick(&sec.body())
                    .split("\n\n")
                    .map(|p| view! { <p>{p.to_owned()}</p> })
                    .collect_view();
                let sources = (!sec.sources.is_empty()).then(|| {
                    let items = sec
                        .sources
                        .iter()
                        .map(|src| view! { <li>{*src}</li> })
                        .collect_view();
                    view! {
                        <p class="sources-title">{s.sources}</p>
                        <ul class="sources">{items}</ul>
                    }
                });
                view! {
                    <section id=sec.id class="method" data-testid="method">
                        <h2>{l.pick(&sec.title()).to_owned()}</h2>
                        {paragraphs}
                        {sources}
                    </section>
                }
            })
            .collect_view();
        view! {
            <article class="methodology" data-testid="methodology">
                <h1>{s.methodology}</h1>
                <nav><ul class="toc">{toc}</ul></nav>
                {sections}
            </article>
        }
    }
}
