//! App-wide state shared through Leptos context: language, the person's storage, service-worker
//! update state, online status and the one-line notice. Pages read it and send intents through its
//! methods; they never touch IndexedDB or the service worker directly.

pub mod training;

use std::sync::Arc;

use leptos::prelude::*;
use serde_json::Value;

use leye_core::catalog::Catalog;
use leye_core::facts::{Answer, Facts};

use crate::platform::pwa::UpdateState;
use crate::storage::{Storage, StorageError};
use leye_core::date::Date;
use leye_core::i18n::Message;
use leye_core::lang::{Lang, Text};

mod catalog_check;
mod data_ready;
mod lang;
mod load;
pub mod outcomes;
pub mod saved;
mod shared;
mod split;

pub use catalog_check::CatalogCheck;
pub(crate) use split::chunk;
pub use split::{chunk_missing_text, ChunkMissing};

use catalog_check::check_catalog;
use lang::{mirror_lang, mirrored_lang};

/// How long after the page has loaded the catalog and answers are read if no screen asked for them sooner
/// (reading them is the heaviest start-up work; 首页 does not need it).
const DATA_IDLE_DELAY_MS: i32 = 1_500;

/// How long after the page has loaded the start-up catalog check waits (fetching and checking a pack
/// costs a slow phone about a second of network and CPU).
const START_UP_CHECK_DELAY_MS: i32 = 8_000;

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
    /// The catalog in use: the built-in one, or a newer validated pack from storage. Empty until
    /// [`data_ready`] resolves; every screen that reads it waits for that (src/app.rs).
    pub catalog: RwSignal<Arc<Catalog>>,
    /// The person's answers (facts), loaded from storage at start-up: every screen that reads them is shown
    /// only once [`data_ready`] resolves (src/app.rs), so none needs a flag of its own for "not loaded yet".
    pub facts: RwSignal<Facts>,
    /// Bumped when all user data was replaced (backup import, erase): screens reload what they show.
    pub data_generation: RwSignal<u64>,
    /// The result of the latest catalog check (the start-up one may finish after a screen is shown).
    pub last_catalog_check: RwSignal<Option<CatalogCheck>>,
    /// Something could be due soon (training events, an open program window): the shell then loads the
    /// 近期截止 banner's code (src/app.rs). Set by the start-up check, an import, or a first entry in the log.
    pub due_soon_possible: RwSignal<bool>,
    /// The civil date on the phone when the app started; the domain never reads the clock itself.
    pub today: Date,
    /// What the policy screens share: the person's outcomes and saved programs (see [`shared`]).
    pub(crate) shared: StoredValue<shared::Shared>,
}

impl AppState {
    pub fn new() -> AppState {
        AppState {
            lang: RwSignal::new(mirrored_lang()),
            update: RwSignal::new(UpdateState::None),
            online: RwSignal::new(crate::platform::online::is_online()),
            storage: RwSignal::new_local(None),
            storage_fallback: RwSignal::new(None),
            notice: RwSignal::new(None),
            catalog: RwSignal::new(Arc::new(Catalog::empty())),
            facts: RwSignal::new(Facts::new()),
            data_generation: RwSignal::new(0),
            last_catalog_check: RwSignal::new(None),
            due_soon_possible: RwSignal::new(false),
            today: crate::platform::clock::today(),
            shared: StoredValue::new(shared::Shared::new()),
        }
    }

    /// Something could now be due soon: the shell loads the 近期截止 banner. Only the first call changes the
    /// signal; setting it again would redraw the banner (and run its reminders) for nothing.
    pub fn allow_due_soon_banner(self) {
        if self.due_soon_possible.try_get_untracked() == Some(false) {
            self.due_soon_possible.set(true);
        }
    }

    /// The interface string for `key` in the current language (reactive).
    pub fn t(&self, key: impl Message) -> &'static str {
        key.text(self.lang.get())
    }

    /// Opens the person's storage once at start-up; falls back to memory with a visible banner. Then, once a
    /// screen needs them or the phone is idle after the first screen ([`DATA_IDLE_DELAY_MS`]), reads the
    /// catalog and the stored answers (their code is a chunk of its own) and opens [`data_ready`]. 首页 needs
    /// neither, so the first screen never waits for them.
    pub fn open_storage(self) {
        wasm_bindgen_futures::spawn_local(async move {
            crate::platform::pwa::after_load(DATA_IDLE_DELAY_MS).await;
            data_ready::want();
        });
        wasm_bindgen_futures::spawn_local(async move {
            let storage = Storage::open().await;
            if let Some(reason) = storage.fallback_reason() {
                self.storage_fallback.set(Some(reason.clone()));
            }
            self.storage.set(Some(storage.clone()));
            data_ready::wanted().await;
            if !self.load_data(&storage).await {
                return; // screens keep saying 正在打开…; the notice says why and what to do
            }
            data_ready::mark();
            // At most once a day and only when online (check_for_update decides): a newer catalog. Not
            // while the first screen is still loading; and not at all if the person already checked.
            crate::platform::pwa::after_load(START_UP_CHECK_DELAY_MS).await;
            if self.last_catalog_check.get_untracked().is_some() {
                return;
            }
            if let Err(e) = self.check_catalog(false).await {
                self.report(e);
            }
        });
    }

    /// Checks our own origin for a newer catalog pack (`force`: even if checked today), switches to
    /// it only if it passed every check, and says what changed for the person. The reason a pack
    /// was refused is kept in storage for 我的 → 数据.
    pub async fn check_catalog(self, force: bool) -> Result<CatalogCheck, StorageError> {
        // Offline there is nothing to fetch: say so without first fetching the code that would fetch it.
        if !crate::platform::online::is_online() {
            self.last_catalog_check.set(Some(CatalogCheck::Skipped));
            return Ok(CatalogCheck::Skipped);
        }
        match chunk!(check_catalog(self, force)) {
            Ok(task) => task.await,
            Err(ChunkMissing) => Ok(CatalogCheck::Kept(chunk_missing_text())),
        }
    }

    /// After an import or erase replaced all user data: re-read language, catalog and answers, and
    /// bump `data_generation` so screens reload what they show.
    pub async fn data_replaced(self) {
        let Some(storage) = self.storage() else {
            return;
        };
        let lang = storage.lang().await.unwrap_or_default();
        self.lang.set(lang);
        mirror_lang(lang);
        // Erase removes a downloaded pack too: start again from the built-in catalog, as at start-up.
        self.load_data(&storage).await;
        self.data_generation.update(|g| *g += 1);
    }

    /// Records an answer (already checked by the caller with `questionnaire::answer` or `FactDef::check`)
    /// in memory at once and in storage; `None` is 不清楚/跳过.
    pub fn save_answer(self, fact_id: &str, answer: Answer) {
        let value: Value = answer.to_json();
        self.facts.update(|facts| {
            match answer {
                Answer::Known(v) => facts.set(fact_id.to_string(), v),
                Answer::Unknown => facts.mark_unknown(fact_id.to_string()),
            };
        });
        let Some(storage) = self.storage() else {
            return;
        };
        let fact_id = fact_id.to_string();
        wasm_bindgen_futures::spawn_local(async move {
            match storage.put_answer(&fact_id, value).await {
                Ok(_) => self.after_first_save().await,
                Err(e) => self.report(e),
            }
        });
    }

    /// Forgets an answer, so the question is asked again.
    pub fn clear_answer(self, fact_id: &str) {
        self.facts.update(|facts| {
            facts.unset(fact_id);
        });
        let Some(storage) = self.storage() else {
            return;
        };
        let fact_id = fact_id.to_string();
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = storage.delete_answer(&fact_id).await {
                self.report(e);
            }
        });
    }

    /// Asks the browser to keep our data (navigator.storage.persist) once something worth keeping exists.
    /// Idempotent: the browser answers at once when already decided.
    pub async fn after_first_save(self) {
        thread_local! { static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) }; }
        if ASKED.with(|a| a.replace(true)) {
            return;
        }
        crate::storage::durability::request_persistence().await;
    }

    /// The storage handle, once open.
    pub fn storage(&self) -> Option<Storage> {
        self.storage.get_untracked()
    }

    /// Switches the language. English needs the catalog's English, which the built-in catalog is read
    /// without on a Chinese screen (issue 16): it is read first, and the screen switches once it is in, so
    /// no catalog text shows in the wrong language.
    pub fn set_lang(self, lang: Lang) {
        if lang == Lang::En && !self.catalog.get_untracked().has_english() {
            wasm_bindgen_futures::spawn_local(async move {
                self.read_english().await;
                self.switch_lang(lang);
            });
        } else {
            self.switch_lang(lang);
        }
    }

    fn switch_lang(self, lang: Lang) {
        self.lang.set(lang);
        mirror_lang(lang);
        if let Some(storage) = self.storage() {
            wasm_bindgen_futures::spawn_local(async move {
                match storage.set_lang(lang).await {
                    Ok(()) => self.after_first_save().await,
                    Err(e) => self.notice.set(Some(Notice::Storage(e))),
                }
            });
        }
    }

    /// Makes the catalog in use one with its English (see [`Catalog::has_english`]): what an English screen
    /// or a search in English words needs. True when it has it; otherwise the piece could not be fetched,
    /// and the person is told.
    pub async fn read_english(self) -> bool {
        self.read_parts(load::Parts::ENGLISH).await
    }

    /// Makes the catalog in use one with its courses (see [`Catalog::has_courses`]): what the 培训 screens,
    /// the due-soon banner and the backup's learning record need. As [`AppState::read_english`].
    pub async fn read_courses(self) -> bool {
        self.read_parts(load::Parts::COURSES).await
    }

    /// The whole catalog, English and courses: for comparing it with a downloaded one in both languages.
    pub async fn read_whole_catalog(self) -> bool {
        self.read_parts(load::Parts::WHOLE).await
    }

    async fn read_parts(self, asked: load::Parts) -> bool {
        if asked.held_by(&self.catalog.get_untracked()) {
            return true;
        }
        let done = match chunk!(load::read_parts(self, asked)) {
            Ok(task) => task.await,
            Err(ChunkMissing) => false,
        };
        if !done {
            self.inform(chunk_missing_text());
        }
        done
    }

    /// Shows a storage failure to the user (the caller keeps what was on screen).
    pub fn report(&self, error: StorageError) {
        self.notice.set(Some(Notice::Storage(error)));
    }

    pub fn inform(&self, text: Text) {
        self.notice.set(Some(Notice::Info(text)));
    }
}

/// Resolves once the catalog and the stored answers have been read at start-up (at once after that). Asking
/// is what starts the reading, if the idle delay has not already.
pub async fn data_ready() {
    data_ready::want();
    data_ready::ready().await
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

/// Catalog text (or any text in both languages) in the current language, reactive, for `view!`.
pub fn text(t: Text) -> impl Fn() -> String + Send + Sync + 'static {
    let app = use_app();
    move || t.get(app.lang.get()).to_string()
}

/// A reactive interface string, for use directly in `view!`.
pub fn tr(key: impl Message) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let app = use_app();
    move || app.t(key)
}
