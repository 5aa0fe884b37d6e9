//! "Tell us what happened" walked from the keyboard, the same way in
//! English and in Spanish: fields are found by their ids, buttons by the
//! words the window's own catalog gives them, and the answers are a
//! mother's, in her language. Two answers are "I don't know" (the birth
//! date and the A-number). The end-to-end test and the screenshots walk it;
//! the screenshots get one picture per question.

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use fantoccini::key::Key;

use crate::{Desktop, Window};

/// The window's words in one language, from its catalog.
pub struct Words(HashMap<String, String>);

impl Words {
    /// The catalog of `lang` (`es` or `en`).
    pub fn of(lang: &str) -> Self {
        let text = if lang == "es" {
            include_str!("../../ui/src/i18n/es.json")
        } else {
            include_str!("../../ui/src/i18n/en.json")
        };
        Self(serde_json::from_str(text).expect("catalog"))
    }

    /// The message `key`, with `{n}` filled with 1 where it has one.
    pub fn say(&self, key: &str) -> String {
        self.0
            .get(key)
            .unwrap_or_else(|| panic!("no message {key}"))
            .replace("{n}", "1")
    }
}

/// A mother's answers, in her language.
struct Answers {
    name: &'static str,
    relationship: &'static str,
    person: &'static str,
    country: &'static str,
    facility: &'static str,
    tattoo_where: &'static str,
    tattoo_shows: &'static str,
    town: &'static str,
    meaning: &'static str,
    witness_role: &'static str,
    witness_topics: &'static str,
}

const ES: Answers = Answers {
    name: "María Elena Moreno de Rivas",
    relationship: "la madre",
    person: "Jesús Alberto Rivas Moreno",
    country: "Venezuela",
    facility: "South Texas ICE Processing Center, Pearsall, TX",
    tattoo_where: "la muñeca izquierda",
    tattoo_shows: "una corona sobre la palabra «mamá»",
    town: "Capacho, Táchira",
    meaning: "La corona es por mí, la reina de su casa, y por los Reyes Magos de Capacho.",
    witness_role: "el tatuador",
    witness_topics: "que le hizo la corona en 2012 y lo que significa",
};

const EN: Answers = Answers {
    name: "María Elena Moreno de Rivas",
    relationship: "the mother",
    person: "Jesús Alberto Rivas Moreno",
    country: "Venezuela",
    facility: "South Texas ICE Processing Center, Pearsall, TX",
    tattoo_where: "the left wrist",
    tattoo_shows: "a crown over the word “mamá”",
    town: "Capacho, Táchira",
    meaning: "The crown is for me, the queen of his home, and for the Three Kings of Capacho.",
    witness_role: "the tattoo artist",
    witness_topics: "that he made the crown in 2012 and what it means",
};

/// Where the pictures of each question go, if anywhere.
pub struct Shots<'a> {
    /// The screen to picture.
    pub desktop: &'a Desktop,
    /// The folder the pictures go into.
    pub dir: &'a Path,
}

impl Shots<'_> {
    async fn take(&self, lang: &str, n: u32, name: &str) {
        tokio::time::sleep(Duration::from_millis(400)).await;
        self.desktop
            .screenshot(&self.dir.join(format!("interview-{n:02}-{name}-{lang}.png")));
    }
}

/// Answers every question from the case list to the review, and makes the
/// case; `hearing` is the next hearing's day (`YYYY-MM-DD`).
pub async fn tell_what_happened(
    window: &Window,
    lang: &str,
    hearing: &str,
    shots: Option<Shots<'_>>,
) {
    let w = Words::of(lang);
    let a = if lang == "es" { &ES } else { &EN };
    let mut n = 0;
    let mut shot = async |name: &str| {
        n += 1;
        if let Some(s) = &shots {
            s.take(lang, n, name).await;
        }
    };
    let next = w.say("interview.next");
    let dont_know = w.say("interview.dontKnow");

    window.press(&w.say("interview.title")).await;
    type_at(window, "iv-me-name", a.name).await;
    shot("your-name").await;
    enter(window).await;
    type_at(window, "iv-me-relationship", a.relationship).await;
    shot("relationship").await;
    enter(window).await;
    type_at(window, "iv-person-name", a.person).await;
    shot("person-name").await;
    enter(window).await;
    window.wait_for_css("#iv-person-birth-year").await;
    shot("birth").await;
    window.press(&dont_know).await;
    type_at(window, "iv-person-country", a.country).await;
    shot("country").await;
    enter(window).await;
    window.wait_for_css("#iv-person-anumber").await;
    shot("a-number").await;
    window.press(&dont_know).await;
    let detained = window.wait_for_css("#iv-status-detained").await;
    detained.send_keys(" ").await.expect("choose detained");
    shot("where").await;
    enter(window).await;
    type_at(window, "iv-facility", a.facility).await;
    shot("facility").await;
    enter(window).await;
    type_at(window, "iv-facility-phone", "(210) 555-0134").await;
    type_at(window, "iv-detainee-id", "000123").await;
    shot("reach").await;
    enter(window).await;
    window.wait_for_css("#iv-officer").await;
    shot("officer").await;
    window.press(&dont_know).await;
    let (year, rest) = hearing.split_once('-').expect("YYYY-MM-DD");
    let (month, day) = rest.split_once('-').expect("MM-DD");
    type_at(window, "iv-hearing-date-year", year).await;
    window
        .wait_for_css("#iv-hearing-date-month")
        .await
        .select_by_value(month.trim_start_matches('0'))
        .await
        .expect("month");
    type_at(window, "iv-hearing-date-day", day).await;
    type_at(window, "iv-hearing-time", "13:00").await;
    type_at(window, "iv-hearing-court", "Pearsall Immigration Court").await;
    shot("hearing").await;
    enter(window).await;
    window.wait_for_text(&w.say("interview.q.tattoosAny")).await;
    shot("tattoos").await;
    window.press(&w.say("common.yes")).await;
    type_at(window, "iv-tattoo-where", a.tattoo_where).await;
    type_at(window, "iv-tattoo-shows", a.tattoo_shows).await;
    shot("tattoo-where").await;
    window.press(&next).await;
    type_at(window, "iv-tattoo-when-year", "2012").await;
    type_at(window, "iv-tattoo-place", a.town).await;
    type_at(window, "iv-tattoo-by", "Luis Contreras").await;
    shot("tattoo-made").await;
    window.press(&next).await;
    type_at(window, "iv-tattoo-meaning", a.meaning).await;
    shot("tattoo-meaning").await;
    window.press(&next).await;
    window.wait_for_css("#iv-tattoo-others").await;
    shot("tattoo-others").await;
    window.press(&dont_know).await;
    window.wait_for_text(&w.say("interview.q.tattooMore")).await;
    window.press(&w.say("common.no")).await;
    window
        .wait_for_text(&w.say("interview.q.witnessesAny"))
        .await;
    shot("witnesses").await;
    window.press(&w.say("common.yes")).await;
    type_at(window, "iv-witness-name", "Luis Contreras").await;
    type_at(window, "iv-witness-relationship", a.witness_role).await;
    type_at(window, "iv-witness-topics", a.witness_topics).await;
    shot("witness").await;
    window.press(&next).await;
    window
        .wait_for_text(&w.say("interview.q.witnessMore"))
        .await;
    window.press(&w.say("common.no")).await;
    window.wait_for_text(&w.say("interview.q.review")).await;
    shot("review").await;
    window.press(&w.say("interview.create")).await;
}

async fn type_at(window: &Window, id: &str, text: &str) {
    window
        .wait_for_css(&format!("#{id}"))
        .await
        .send_keys(text)
        .await
        .unwrap_or_else(|e| panic!("typing into #{id}: {e}"));
}

async fn enter(window: &Window) {
    window.keys(&Key::Enter.to_string()).await;
}
