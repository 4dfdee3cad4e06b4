//! App-wide state shared through Leptos context: language, the person's storage, service-worker
//! update state, online status and the one-line notice. Pages read it and send intents through its
//! methods; they never touch IndexedDB or the service worker directly.

use leptos::prelude::*;

use crate::domain::date::Date;
use crate::domain::lang::{Lang, Text};
use crate::i18n::Message;
use crate::pwa::UpdateState;
use crate::storage::{Storage, StorageError};

/// localStorage mirrors the language so the very first paint is already in the right one;
/// IndexedDB (settings store) is the record that backups carry.
const LANG_MIRROR_KEY: &str = "leye.lang";

/// Something to tell the user once, in a polite live region.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A storage failure; its message says what to do.
    Storage(StorageError),
    /// Any other message, in both languages.
    Info(Text),
}

impl Notice {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Notice::Storage(e) => e.message(lang),
            Notice::Info(t) => t.get(lang).to_string(),
        }
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub update: RwSignal<UpdateState>,
    pub online: RwSignal<bool>,
    /// `None` until IndexedDB has been opened (or the in-memory fallback chosen).
    pub storage: RwSignal<Option<Storage>, LocalStorage>,
    /// Why data is only kept in memory, shown as the 数据不会被保存 banner.
    pub storage_fallback: RwSignal<Option<StorageError>>,
    pub notice: RwSignal<Option<Notice>>,
    /// The civil date on the phone when the app started; the domain never reads the clock itself.
    pub today: Date,
}

impl AppState {
    pub fn new() -> AppState {
        AppState {
            lang: RwSignal::new(mirrored_lang()),
            update: RwSignal::new(UpdateState::None),
            online: RwSignal::new(crate::pwa::is_online()),
            storage: RwSignal::new_local(None),
            storage_fallback: RwSignal::new(None),
            notice: RwSignal::new(None),
            today: local_today(),
        }
    }

    /// The interface string for `key` in the current language (reactive).
    pub fn t(&self, key: impl Message) -> &'static str {
        key.text(self.lang.get())
    }

    /// Opens the person's storage once at start-up; falls back to memory with a visible banner.
    pub fn open_storage(self) {
        wasm_bindgen_futures::spawn_local(async move {
            let storage = Storage::open().await;
            if let Some(reason) = storage.fallback_reason() {
                self.storage_fallback.set(Some(reason.clone()));
            } else if let Ok(lang) = storage.lang().await {
                // The stored choice wins over the mirror (e.g. after importing a backup elsewhere).
                if storage.setting("lang").await.ok().flatten().is_some() && lang != self.lang.get_untracked() {
                    self.lang.set(lang);
                    mirror_lang(lang);
                }
            }
            self.storage.set(Some(storage));
        });
    }

    /// The storage handle, once open.
    pub fn storage(&self) -> Option<Storage> {
        self.storage.get_untracked()
    }

    pub fn set_lang(self, lang: Lang) {
        self.lang.set(lang);
        mirror_lang(lang);
        if let Some(storage) = self.storage() {
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(e) = storage.set_lang(lang).await {
                    self.notice.set(Some(Notice::Storage(e)));
                }
            });
        }
    }

    /// Shows a storage failure to the user (the caller keeps what was on screen).
    pub fn report(&self, error: StorageError) {
        self.notice.set(Some(Notice::Storage(error)));
    }

    pub fn inform(&self, text: Text) {
        self.notice.set(Some(Notice::Info(text)));
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

/// The app state from context; every page is rendered inside [`crate::app::App`], which provides it.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// A reactive interface string, for use directly in `view!`.
pub fn tr(key: impl Message) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let app = use_app();
    move || app.t(key)
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn mirrored_lang() -> Lang {
    local_storage()
        .and_then(|s| s.get_item(LANG_MIRROR_KEY).ok().flatten())
        .map(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

fn mirror_lang(lang: Lang) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LANG_MIRROR_KEY, lang.code());
    }
}

/// Today's date in the phone's time zone.
fn local_today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(now.get_full_year() as i32, now.get_month() as u8 + 1, now.get_date() as u8)
        .unwrap_or_else(|_| Date::ymd(2026, 1, 1))
}
