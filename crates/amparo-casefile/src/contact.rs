//! Contacts: the people a case is sent to, added by pasting their Amparo
//! code and confirmed by reading the fingerprint words aloud.

use amparo_core::{Contact, Store};
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::identity::{AmparoCode, Fingerprint, fingerprint_of};

/// A contact as the window shows it: with the words to compare.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ContactCard {
    /// The contact.
    pub contact: Contact,
    /// Their code's fingerprint.
    pub fingerprint: Fingerprint,
}

impl From<Contact> for ContactCard {
    fn from(contact: Contact) -> Self {
        Self {
            fingerprint: fingerprint_of(&contact.signing_key, &contact.encryption_key),
            contact,
        }
    }
}

/// Adds the person whose code is `code` under `name` (the same code added
/// again is renamed, not doubled).
pub fn add_contact(store: &mut Store, name: &str, code: &str) -> Result<ContactCard> {
    let code = AmparoCode::parse(code)?;
    Ok(store
        .add_contact(name, &code.signing_key, &code.encryption_key)?
        .into())
}

/// Every contact, by name.
pub fn contacts(store: &Store) -> Result<Vec<ContactCard>> {
    Ok(store
        .contacts()?
        .into_iter()
        .map(ContactCard::from)
        .collect())
}

/// The contacts named by `wanted`: each an id, or a name (unique, any case).
pub fn chosen(store: &Store, wanted: &[String]) -> Result<Vec<Contact>> {
    let all = store.contacts()?;
    wanted
        .iter()
        .map(|w| {
            let by_id = all.iter().find(|c| c.id == *w);
            let by_name: Vec<&Contact> = all
                .iter()
                .filter(|c| c.name.to_lowercase() == w.trim().to_lowercase())
                .collect();
            by_id
                .or(match by_name.as_slice() {
                    [one] => Some(*one),
                    _ => None,
                })
                .cloned()
                .ok_or_else(|| amparo_core::Error::NotFound(format!("the contact {w}")).into())
        })
        .collect()
}
