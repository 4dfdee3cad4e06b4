//! The `catalog` store: the installed catalog pack and the status of the last update check (what
//! [`super::catalog_update`] writes), and the automatic backup a restore keeps ([`super::records`]).
//! Backups never carry this store; erasing clears it.

use super::db::readwrite;
use super::db::CATALOG;
use super::idb_io::{commit, commit_and_announce, get, idb, put_keyed};
use super::memory::Memory;
use super::{CatalogPackRecord, CatalogStatus, Storage, StorageError};
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use leye_core::date::Date;
use serde::Deserialize;
use std::cell::RefCell;

const CATALOG_PACK_KEY: &str = "pack";
const CATALOG_STATUS_KEY: &str = "status";
/// The data a restore replaced, kept (in the app's own `catalog` store, which backups never carry and
/// erase clears) so one tap brings it back, until the next restore.
pub(super) const BEFORE_RESTORE_KEY: &str = "before_restore";

impl Storage {
    /// The installed catalog pack, or `None` while the built-in catalog is in use.
    pub async fn catalog_pack(&self) -> Result<Option<CatalogPackRecord>, StorageError> {
        self.catalog_get(CATALOG_PACK_KEY).await
    }

    /// Only the publication date of the installed pack: start-up reads (and validates) the pack itself
    /// only when it is newer than the built-in catalog.
    pub async fn catalog_pack_published(&self) -> Result<Option<Date>, StorageError> {
        #[derive(Deserialize)]
        struct Stamp {
            published: Date,
        }
        Ok(self
            .catalog_get::<Stamp>(CATALOG_PACK_KEY)
            .await?
            .map(|s| s.published))
    }

    pub async fn catalog_status(&self) -> Result<CatalogStatus, StorageError> {
        Ok(self
            .catalog_get(CATALOG_STATUS_KEY)
            .await?
            .unwrap_or_default())
    }

    /// Installs a pack that passed validation, and records the successful check, in one transaction.
    pub async fn put_catalog_pack(
        &self,
        pack: &CatalogPackRecord,
        status: &CatalogStatus,
    ) -> Result<(), StorageError> {
        on_backend!(self, b => b.put_catalog_pack(pack, status).await)
    }

    /// Removes the installed pack (the built-in catalog takes over) and records `status`, in one
    /// transaction. Start-up uses it for a stored pack dated after today.
    pub async fn remove_catalog_pack(&self, status: &CatalogStatus) -> Result<(), StorageError> {
        on_backend!(self, b => b.remove_catalog_pack(status).await)
    }

    /// Records a check that did not switch (or found nothing new); the pack stays as it is.
    pub async fn put_catalog_status(&self, status: &CatalogStatus) -> Result<(), StorageError> {
        on_backend!(self, b => b.put_catalog_status(status).await)
    }

    /// The record under `key` in the `catalog` store, read as `T`.
    pub(super) async fn catalog_get<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<Option<T>, StorageError> {
        on_backend!(self, b => b.catalog_get(key).await)
    }
}

/// The `catalog` store on either backend.
trait CatalogStore {
    async fn put_catalog_pack(
        &self,
        pack: &CatalogPackRecord,
        status: &CatalogStatus,
    ) -> Result<(), StorageError>;
    async fn remove_catalog_pack(&self, status: &CatalogStatus) -> Result<(), StorageError>;
    async fn put_catalog_status(&self, status: &CatalogStatus) -> Result<(), StorageError>;
    async fn catalog_get<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<Option<T>, StorageError>;
}

impl CatalogStore for Database {
    async fn put_catalog_pack(
        &self,
        pack: &CatalogPackRecord,
        status: &CatalogStatus,
    ) -> Result<(), StorageError> {
        let tx = readwrite(self, CATALOG)?;
        {
            let store = tx.object_store(CATALOG).map_err(idb)?;
            put_keyed(&store, pack, CATALOG_PACK_KEY)?;
            put_keyed(&store, status, CATALOG_STATUS_KEY)?;
        }
        commit_and_announce(tx).await
    }

    async fn remove_catalog_pack(&self, status: &CatalogStatus) -> Result<(), StorageError> {
        let tx = readwrite(self, CATALOG)?;
        {
            let store = tx.object_store(CATALOG).map_err(idb)?;
            let _ = store.delete(CATALOG_PACK_KEY).serde().map_err(idb)?;
            put_keyed(&store, status, CATALOG_STATUS_KEY)?;
        }
        commit(tx).await
    }

    async fn put_catalog_status(&self, status: &CatalogStatus) -> Result<(), StorageError> {
        let tx = readwrite(self, CATALOG)?;
        {
            let store = tx.object_store(CATALOG).map_err(idb)?;
            put_keyed(&store, status, CATALOG_STATUS_KEY)?;
        }
        commit(tx).await
    }

    async fn catalog_get<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<Option<T>, StorageError> {
        let tx = self.transaction(CATALOG).build().map_err(idb)?;
        let store = tx.object_store(CATALOG).map_err(idb)?;
        get(&store, key).await
    }
}

impl CatalogStore for RefCell<Memory> {
    async fn put_catalog_pack(
        &self,
        pack: &CatalogPackRecord,
        status: &CatalogStatus,
    ) -> Result<(), StorageError> {
        let mut m = self.borrow_mut();
        m.catalog_pack = Some(pack.clone());
        m.catalog_status = status.clone();
        Ok(())
    }

    async fn remove_catalog_pack(&self, status: &CatalogStatus) -> Result<(), StorageError> {
        let mut m = self.borrow_mut();
        m.catalog_pack = None;
        m.catalog_status = status.clone();
        Ok(())
    }

    async fn put_catalog_status(&self, status: &CatalogStatus) -> Result<(), StorageError> {
        self.borrow_mut().catalog_status = status.clone();
        Ok(())
    }

    async fn catalog_get<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<Option<T>, StorageError> {
        let m = self.borrow();
        let value = match key {
            CATALOG_PACK_KEY => serde_json::to_value(&m.catalog_pack),
            BEFORE_RESTORE_KEY => serde_json::to_value(&m.before_restore),
            _ => serde_json::to_value(&m.catalog_status),
        };
        let value = value.map_err(|e| StorageError::Corrupt(e.to_string()))?;
        serde_json::from_value(value).map_err(|e| StorageError::Corrupt(e.to_string()))
    }
}
