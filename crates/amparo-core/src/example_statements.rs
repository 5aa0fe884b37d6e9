//! The example case's declarants and statements: his mother's, in Spanish
//! with an English translation, to be signed in Venezuela (mode A); and his
//! own, to be signed in English after it is read back to him in a Texas
//! detention facility (mode B). Everyone is invented.

use crate::declarant::{DeclarantDraft, ReadsEnglish};
use crate::error::Result;
use crate::remembered_date::RememberedDate;
use crate::signing_place::SigningPlace;
use crate::statement::{
    Caption, CaptionKind, LanguageHelper, Paragraph, ReadBack, SigningMode, StatementDraft,
};
use crate::store::Store;

const MOTHER: &[(&str, &str)] = &[
    (
        "Me llamo María Elena Moreno de Rivas. Soy la madre de Jesús Alberto Rivas Moreno. Vivo en Capacho, estado Táchira, Venezuela, donde nació mi hijo el 12 de agosto de 1994.",
        "My name is María Elena Moreno de Rivas. I am the mother of Jesús Alberto Rivas Moreno. I live in Capacho, Táchira State, Venezuela, where my son was born on August 12, 1994.",
    ),
    (
        "Conozco a mi hijo desde el día en que nació. Vivió conmigo hasta que salió de Venezuela en 2024.",
        "I have known my son since the day he was born. He lived with me until he left Venezuela in 2024.",
    ),
    (
        "En Capacho celebramos cada 6 de enero la fiesta de los Reyes Magos. Desde que tenía siete años, Jesús participó en el desfile vestido de rey, con una corona.",
        "In Capacho we celebrate the Three Kings festival every January 6. From the age of seven, Jesús took part in the parade dressed as a king, wearing a crown.",
    ),
    (
        "Jesús trabaja como maquillador. Maquillaba a los niños del desfile y a las reinas de la fiesta.",
        "Jesús works as a makeup artist. He did the makeup for the children in the parade and for the festival queens.",
    ),
    (
        "Cuando cumplió dieciocho años se tatuó en las muñecas dos coronas: una sobre la palabra «mamá» y otra sobre la palabra «papá». Me dijo que eran por nosotros y por los Reyes.",
        "When he turned eighteen he had two crowns tattooed on his wrists: one over the word \"mamá\" (mom) and one over the word \"papá\" (dad). He told me they were for us and for the Kings.",
    ),
    (
        "Las coronas no tienen nada que ver con ninguna pandilla. Mi hijo nunca perteneció al Tren de Aragua ni a ningún grupo criminal.",
        "The crowns have nothing to do with any gang. My son never belonged to Tren de Aragua or to any criminal group.",
    ),
];

const JESUS: &[(&str, &str)] = &[
    (
        "Me llamo Jesús Alberto Rivas Moreno. Nací en Capacho, Táchira, Venezuela, el 12 de agosto de 1994.",
        "My name is Jesús Alberto Rivas Moreno. I was born in Capacho, Táchira, Venezuela, on August 12, 1994.",
    ),
    (
        "Me presenté en el puerto de entrada de San Ysidro con una cita de CBP One y pasé la entrevista de miedo creíble.",
        "I presented myself at the San Ysidro port of entry with a CBP One appointment and passed my credible fear interview.",
    ),
    (
        "Las coronas de mis muñecas honran a mi mamá, a mi papá y a la fiesta de los Reyes Magos de mi pueblo. No son símbolos de ninguna pandilla.",
        "The crowns on my wrists honor my mom, my dad and my hometown's Three Kings festival. They are not the symbols of any gang.",
    ),
];

fn paragraphs(pairs: &[(&str, &str)]) -> Vec<Paragraph> {
    pairs
        .iter()
        .map(|(original, english)| Paragraph {
            original: (*original).into(),
            english: (*english).into(),
            exhibits: Vec::new(),
        })
        .collect()
}

impl Store {
    /// Adds the example's declarants and statements to the case `case_id`.
    /// Returns the ids of the mother's statement and of his own.
    pub(crate) fn add_example_statements(&mut self, case_id: &str) -> Result<(String, String)> {
        let mother = self.create_declarant(
            case_id,
            &DeclarantDraft {
                full_name: "María Elena Moreno de Rivas".into(),
                relationship: "mother · madre".into(),
                known_since: Some(RememberedDate::day(1994, 8, 12)),
                age: Some(58),
                city: "Capacho, Táchira".into(),
                country: "Venezuela".into(),
                contact: "(example) +58 000 000 0000".into(),
                languages: vec!["español".into()],
                reads_english: ReadsEnglish::No,
                ..DeclarantDraft::default()
            },
        )?;
        let jesus = self.create_declarant(
            case_id,
            &DeclarantDraft {
                full_name: "Jesús Alberto Rivas Moreno".into(),
                is_the_person: true,
                birth_date: Some(RememberedDate::day(1994, 8, 12)),
                city: "Pearsall, Texas".into(),
                country: "United States".into(),
                languages: vec!["español".into()],
                reads_english: ReadsEnglish::No,
                ..DeclarantDraft::default()
            },
        )?;
        let helper = LanguageHelper {
            name: "Ana Lucía Pérez (example translator)".into(),
            address: "100 Example Street, San Antonio, TX 78205".into(),
            phone: "(210) 555-0100".into(),
            is_relative: false,
            read_back: ReadBack::Video,
        };
        let caption = Caption {
            kind: CaptionKind::ImmigrationCourt,
            court: "Immigration Court, Pearsall, Texas".into(),
            ..Caption::default()
        };
        let mother_statement = self.create_statement(
            case_id,
            &StatementDraft {
                declarant_id: mother.id,
                title: "Declaration of María Elena Moreno de Rivas".into(),
                title_original: "Declaración de María Elena Moreno de Rivas".into(),
                language: "es".into(),
                paragraphs: paragraphs(MOTHER),
                mode: SigningMode::SignOriginal,
                helper: helper.clone(),
                place: SigningPlace {
                    place: "Capacho, Táchira, Venezuela".into(),
                    country: "VE".into(),
                    us_detention_facility: false,
                    ..SigningPlace::default()
                },
                prefill_place: true,
                caption: caption.clone(),
                name_on_every_page: true,
            },
        )?;
        let own_statement = self.create_statement(
            case_id,
            &StatementDraft {
                declarant_id: jesus.id,
                title: "Declaration of Jesús Alberto Rivas Moreno".into(),
                title_original: "Declaración de Jesús Alberto Rivas Moreno".into(),
                language: "es".into(),
                paragraphs: paragraphs(JESUS),
                mode: SigningMode::SignEnglish,
                helper,
                place: SigningPlace {
                    place: "South Texas ICE Processing Center, Pearsall, Texas".into(),
                    country: "US".into(),
                    us_detention_facility: true,
                    ..SigningPlace::default()
                },
                prefill_place: true,
                caption,
                name_on_every_page: true,
            },
        )?;
        Ok((mother_statement.id, own_statement.id))
    }
}
