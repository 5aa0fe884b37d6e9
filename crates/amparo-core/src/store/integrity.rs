//! SQLite's full check of the database: every page, index and foreign key.
//! Opening runs only the quick check (it is fast enough for every start);
//! this one is for a check a person or a test asks for.

use super::Store;
use crate::error::Result;

impl Store {
    /// What SQLite's `integrity_check` and `foreign_key_check` find wrong,
    /// in their words; empty when the database is sound.
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let mut check = self.conn().prepare("PRAGMA integrity_check")?;
        for verdict in check.query_map([], |r| r.get::<_, String>(0))? {
            let verdict = verdict?;
            if verdict != "ok" {
                problems.push(verdict);
            }
        }
        let mut keys = self.conn().prepare("PRAGMA foreign_key_check")?;
        let dangling = keys.query_map([], |r| {
            Ok(format!(
                "a row of {} (rowid {}) names a missing row of {}",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                r.get::<_, String>(2)?
            ))
        })?;
        for row in dangling {
            problems.push(row?);
        }
        Ok(problems)
    }
}

#[cfg(test)]
mod tests {
    use crate::Store;

    #[test]
    fn a_new_store_is_sound_and_a_dangling_row_is_named() {
        let store = Store::open_in_memory().expect("store");
        assert!(store.integrity_problems().expect("check").is_empty());
        store
            .raw_execute_for_tests("PRAGMA foreign_keys = OFF")
            .expect("off");
        store
            .raw_execute_for_tests(
                "INSERT INTO declarants (id, case_id, full_name, position, created_at, updated_at) \
                 VALUES ('d', 'gone', 'Ana', 0, '2026-12-03T00:00:00Z', '2026-12-03T00:00:00Z')",
            )
            .expect("insert");
        let problems = store.integrity_problems().expect("check");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("declarants"), "{problems:?}");
    }
}
