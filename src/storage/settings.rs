//! Settings: small JSON values by key (the interface language, the learner id, reminders sent…).

use super::db::readwrite;
use super::db::SETTINGS;
use super::idb_io::{commit, get, idb, put};
use super::memory::Memory;
use super::{Storage, StorageError};
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use leye_core::backup::{self, SettingRecord};
use leye_core::lang::Lang;
use serde_json::Value;
use std::cell::RefCell;

impl Storage {
    pub async fn setting(&self, key: &str) -> Result<Option<Value>, StorageError> {
        on_backend!(self, b => b.setting(key).await)
    }

    pub async fn set_setting(&self, key: &str, value: Value) -> Result<(), StorageError> {
        backup::check_id(key)
            .and_then(|()| backup::check_value(&value, 0))
            .map_err(StorageError::Invalid)?;
        on_backend!(self, b => b.set_setting(key, value).await)
    }

    /// The interface language (Chinese until the user picks another).
    pub async fn lang(&self) -> Result<Lang, StorageError> {
        Ok(match self.setting("lang").await? {
            Some(Value::String(code)) => Lang::from_code(&code),
            _ => Lang::default(),
        })
    }

    pub async fn set_lang(&self, lang: Lang) -> Result<(), StorageError> {
        self.set_setting("lang", Value::String(lang.code().into()))
            .await
    }
}

/// The settings store on either backend (values already checked).
trait Settings {
    async fn setting(&self, key: &str) -> Result<Option<Value>, StorageError>;
    async fn set_setting(&self, key: &str, value: Value) -> Result<(), StorageError>;
}

impl Settings for Database {
    async fn setting(&self, key: &str) -> Result<Option<Value>, StorageError> {
        let tx = self.transaction(SETTINGS).build().map_err(idb)?;
        let store = tx.object_store(SETTINGS).map_err(idb)?;
        let found: Option<SettingRecord> = get(&store, key).await?;
        Ok(found.map(|s| s.value))
    }

    async fn set_setting(&self, key: &str, value: Value) -> Result<(), StorageError> {
        let tx = readwrite(self, SETTINGS)?;
        {
            let store = tx.object_store(SETTINGS).map_err(idb)?;
            put(
                &store,
                &SettingRecord {
                    key: key.to_owned(),
                    value,
                },
            )?;
        }
        commit(tx).await
    }
}

impl Settings for RefCell<Memory> {
    async fn setting(&self, key: &str) -> Result<Option<Value>, StorageError> {
        Ok(self.borrow().settings.get(key).cloned())
    }

    async fn set_setting(&self, key: &str, value: Value) -> Result<(), StorageError> {
        self.borrow_mut().settings.insert(key.to_owned(), value);
        Ok(())
    }
}
