//! App-wide state shared through Leptos context: language, the person's storage, service-worker
//! update state, online status and the one-line notice. Pages read it and send intents through its
//! methods; they never touch IndexedDB or the service worker directly.

use std::sync::Arc;

use leptos::prelude::*;
use serde_json::Value;

use leye_core::catalog::Catalog;
use leye_core::facts::{Answer, Facts};
use leye_core::outcome::evaluate;

use crate::pwa::UpdateState;
use crate::storage::{Storage, StorageError};
use leye_core::date::Date;
use leye_core::i18n::Message;
use leye_core::lang::{Lang, Text};

pub mod outcomes;
pub mod saved;

/// A lazily loaded piece of the app (a wasm-split chunk) could not be fetched: a first visit on a failing
/// network, before the service worker has cached it. Said to the person instead of stopping the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkMissing;

#[cfg(leye_split)]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkMissing
    }
}

/// Calls a split function: in the split build (`--cfg leye_split`, scripts/build.sh) it first loads its
/// chunk, so the call is awaited; elsewhere it is a plain call.
#[cfg(leye_split)]
macro_rules! chunk {
    ($call:expr) => {
        $call.await
    };
}
#[cfg(not(leye_split))]
macro_rules! chunk {
    ($call:expr) => {
        $call
    };
}
pub(crate) use chunk;

/// The work of a split function that runs asynchronously (returned boxed, as a split function's result
/// crosses a module boundary).
type Task<T> = std::pin::Pin<Box<dyn std::future::Future<Output = T>>>;

/// How long after the page has loaded the catalog and answers are read if no screen asked for them sooner
/// (reading them is the heaviest start-up work; 首页 does not need it).
const DATA_IDLE_DELAY_MS: i32 = 1_500;

/// How long after the page has loaded the start-up catalog check waits (fetching and checking a pack
/// costs a slow phone about a second of network and CPU).
const START_UP_CHECK_DELAY_MS: i32 = 8_000;

/// localStorage mirrors the language so the very first paint is already in the right one;
/// IndexedDB (settings store) is the record that backups carry.
const LANG_MIRROR_KEY: &str = "leye.lang";

/// What a catalog check did, for 我的 → 数据.
#[derive(Clone, Debug, PartialEq)]
pub enum CatalogCheck {
    /// Offline, or already checked today.
    Skipped,
    UpToDate,
    /// A pack was refused (or could not be fetched); the current data stays. zh/en reason.
    Kept(Text),
    /// Switched to newer data; `change` says what that changed for the person.
    Switched {
        published: Date,
        change: Text,
    },
}

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
    /// The person's answers (facts), loaded from storage at start-up.
    pub facts: RwSignal<Facts>,
    /// True once stored answers have been loaded (screens can tell "nothing answered" from "not loaded").
    pub facts_loaded: RwSignal<bool>,
    /// Bumped when all user data was replaced (backup import, erase): screens reload what they show.
    pub data_generation: RwSignal<u64>,
    /// The result of the latest catalog check (the start-up one may finish after a screen is shown).
    pub last_catalog_check: RwSignal<Option<CatalogCheck>>,
    /// Something could be due soon (training events, an open program window): the shell then loads the
    /// 近期截止 banner's code (src/app.rs). Set by the start-up check, an import, or a first entry in the log.
    pub due_soon_possible: RwSignal<bool>,
    /// The civil date on the phone when the app started; the domain never reads the clock itself.
    pub today: Date,
    /// The person's outcomes, shared by the screens that show them (see [`outcomes::use_outcomes`]).
    pub(crate) outcomes: StoredValue<outcomes::Slot>,
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
            catalog: RwSignal::new(Arc::new(Catalog::empty())),
            facts: RwSignal::new(Facts::new()),
            facts_loaded: RwSignal::new(false),
            data_generation: RwSignal::new(0),
            last_catalog_check: RwSignal::new(None),
            due_soon_possible: RwSignal::new(false),
            today: local_today(),
            outcomes: StoredValue::new(outcomes::Slot::new()),
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
            crate::pwa::after_load(DATA_IDLE_DELAY_MS).await;
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
            crate::pwa::after_load(START_UP_CHECK_DELAY_MS).await;
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
        if !crate::pwa::is_online() {
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

    /// The built-in catalog, a newer stored pack and the stored answers (see [`load_data`]); false, with a
    /// notice, when that code could not be downloaded.
    async fn load_data(self, storage: &Storage) -> bool {
        let loaded = match chunk!(load_data(self, storage.clone())) {
            Ok(task) => task.await,
            Err(ChunkMissing) => false,
        };
        if !loaded {
            self.inform(chunk_missing_text());
        }
        loaded
    }

    /// Uses the stored catalog pack when it is valid and newer than the built-in catalog.
    async fn load_catalog(self, storage: &Storage) {
        let Ok(Some(record)) = storage.catalog_pack().await else {
            return;
        };
        if record.published <= self.catalog.get_untracked().published() {
            return; // an app update brought a catalog at least as new
        }
        if let Ok(catalog) = Catalog::from_pack_json(&record.pack_json) {
            self.catalog.set(Arc::new(catalog.in_force(self.today)));
        }
    }

    /// Reads stored answers into `facts`; answers the current vocabulary no longer knows are skipped.
    async fn load_facts(self, storage: &Storage) {
        match storage.answers().await {
            Ok(records) => {
                let catalog = self.catalog.get_untracked();
                let mut facts = Facts::new();
                for record in records {
                    let Some(def) = catalog.fact(&record.fact_id) else {
                        continue;
                    };
                    if let Ok(answer) = def.parse(&record.value, self.today) {
                        match answer {
                            Answer::Known(v) => facts.set(record.fact_id.clone(), v),
                            Answer::Unknown => facts.mark_unknown(record.fact_id.clone()),
                        };
                    }
                }
                self.facts.set(facts);
            }
            Err(e) => self.report(e),
        }
        self.facts_loaded.set(true);
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

    pub fn set_lang(self, lang: Lang) {
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

    /// Shows a storage failure to the user (the caller keeps what was on screen).
    pub fn report(&self, error: StorageError) {
        self.notice.set(Some(Notice::Storage(error)));
    }

    pub fn inform(&self, text: Text) {
        self.notice.set(Some(Notice::Info(text)));
    }
}

/// What to say when a piece of the app could not be downloaded.
pub fn chunk_missing_text() -> Text {
    Text::new(
        "网络不稳定,应用的一部分没能下载。请检查网络后刷新页面;下载过一次后,没有网络也能用。",
        "The network is unstable and part of the app could not be downloaded. Check the connection and reload; once downloaded, it works offline.",
    )
}

/// The built-in catalog, a newer stored pack, and the stored answers, read once at start-up; false when the
/// built-in catalog's piece could not be fetched.
#[cfg_attr(
    leye_split,
    leptos::wasm_split::wasm_split(load_data, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn load_data(app: AppState, storage: Storage) -> Result<Task<bool>, ChunkMissing> {
    Ok(Box::pin(async move {
        // The first paint used the language mirrored in localStorage; the stored choice wins where they
        // differ (localStorage cleared, or a backup imported in another browser profile).
        if storage.fallback_reason().is_none() {
            if let Ok(Some(Value::String(code))) = storage.setting("lang").await {
                let lang = Lang::from_code(&code);
                if lang != app.lang.get_untracked() {
                    app.lang.set(lang);
                    mirror_lang(lang);
                }
            }
        }
        let Ok(json) = chunk!(builtin_catalog_json()) else {
            return false;
        };
        // Every figure as in force today (a catalog holds dated values, see domain::params).
        app.catalog
            .set(Arc::new(Catalog::from_json(json).in_force(app.today)));
        if let Ok(Some(published)) = storage.catalog_pack_published().await {
            if crate::storage::catalog_update::is_future_dated(published, app.today) {
                // Installed by an older app that did not check dates: it would shadow every real update
                // (and an upgraded app's own catalog). Dropped, and the person told why.
                drop_future_pack(app, &storage, published).await;
            } else if published > app.catalog.get_untracked().published() {
                // Without its chunk the built-in catalog stays in use: still correct, only older.
                if let Ok(task) = chunk!(load_stored_pack(app, storage.clone())) {
                    task.await;
                }
            }
        }
        app.load_facts(&storage).await;
        listen_to_other_tabs(app, &storage);
        true
    }))
}

/// Once the data is first read: when another tab of the app saves, restores or erases something, read it
/// all again, so this tab neither shows nor checks new entries against a stale copy (issue 14). Set up
/// here, in the piece that reads the data, so none of that code weighs on the first screen.
fn listen_to_other_tabs(app: AppState, storage: &Storage) {
    thread_local! { static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) }; }
    if !storage.is_persistent() || LISTENING.with(|l| l.replace(true)) {
        return;
    }
    crate::storage::tabs::listen(move || {
        wasm_bindgen_futures::spawn_local(async move { app.data_replaced().await });
    });
}

/// Removes a future-dated stored pack (the built-in catalog stays in use), records why for 我的 → 数据,
/// makes the next start-up check fetch again, and tells the person.
async fn drop_future_pack(app: AppState, storage: &Storage, published: Date) {
    let builtin = app.catalog.get_untracked().published();
    let why = leye_core::data_text::future_pack_dropped(published, app.today, builtin);
    let status = crate::storage::CatalogStatus {
        last_check_ms: None,
        last_error: Some(why.clone()),
    };
    match storage.remove_catalog_pack(&status).await {
        Ok(()) => app.inform(why),
        Err(e) => app.report(e),
    }
}

/// The built-in catalog's bytes, a piece of their own: the one part of the catalog that the initial-load budget
/// counts (tools/size-report.mjs), apart from the code that reads it.
#[cfg_attr(
    leye_split,
    leptos::wasm_split::wasm_split(builtin_catalog_json, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn builtin_catalog_json() -> Result<&'static str, ChunkMissing> {
    Ok(leye_core::catalog::CATALOG_JSON)
}

/// A downloaded pack newer than the built-in catalog, checked again in full before use. In the piece that
/// fetches and checks packs (`check_catalog`), whose code it shares: most start-ups have no pack to read.
#[cfg_attr(
    leye_split,
    leptos::wasm_split::wasm_split(catalog_packs, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn load_stored_pack(app: AppState, storage: Storage) -> Result<Task<()>, ChunkMissing> {
    Ok(Box::pin(async move { app.load_catalog(&storage).await }))
}

/// See [`AppState::check_catalog`]. Lazily loaded: fetching, checking and comparing packs is not
/// needed for the first screen.
#[cfg_attr(
    leye_split,
    leptos::wasm_split::wasm_split(catalog_packs, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn check_catalog(
    app: AppState,
    force: bool,
) -> Result<Task<Result<CatalogCheck, StorageError>>, ChunkMissing> {
    Ok(Box::pin(check_catalog_now(app, force)))
}

async fn check_catalog_now(app: AppState, force: bool) -> Result<CatalogCheck, StorageError> {
    use crate::storage::catalog_update::{check_for_update, PackInfo, UpdateOutcome};
    let Some(storage) = app.storage() else {
        return Ok(CatalogCheck::Skipped);
    };
    // The validated catalog is kept from the check itself, so the pack is parsed only once.
    let mut fresh: Option<Catalog> = None;
    let outcome = check_for_update(&storage, force, app.today, |text| {
        let catalog = Catalog::from_pack_json(text)
            .map_err(|e| Text::new(e.message(Lang::Zh), e.message(Lang::En)))?;
        let info = PackInfo {
            version: catalog.version().to_owned(),
            published: catalog.published(),
        };
        fresh = Some(catalog);
        Ok(info)
    })
    .await?;
    let check = match (outcome, fresh) {
        (UpdateOutcome::Skipped, _) => CatalogCheck::Skipped,
        (UpdateOutcome::Kept { reason }, _) => CatalogCheck::Kept(reason),
        (UpdateOutcome::Switched(_), Some(after))
            if after.published() > app.catalog.get_untracked().published() =>
        {
            let before = app.catalog.get_untracked();
            let answers: Vec<(String, Value)> = app.facts.with_untracked(|f| {
                f.iter()
                    .map(|(id, a)| (id.to_owned(), a.to_json()))
                    .collect()
            });
            let pairs = || answers.iter().map(|(id, v)| (id.as_str(), v));
            let facts_before =
                leye_core::data_text::facts_from_answers(pairs(), before.facts(), app.today);
            let facts_after =
                leye_core::data_text::facts_from_answers(pairs(), after.facts(), app.today);
            // The person's records that point into the catalog: a course or program the new one drops
            // keeps its records (shown as no longer listed), and the summary says so.
            let (enrolled, saved) = records_in_catalog(&storage).await;
            let change = leye_core::data_text::CatalogChange::between(
                &evaluate(&before, &facts_before, app.today),
                &before,
                &evaluate(&after, &facts_after, app.today),
                &after,
            )
            .with_unlisted(&before, &after, &enrolled, &saved);
            let published = after.published();
            app.catalog.set(Arc::new(after.in_force(app.today)));
            app.facts.set(facts_after);
            let summary = change.summary();
            app.inform(Text::new(
                format!("政策数据已更新到 {published}。{}", summary.zh),
                format!("Policy data updated to {published}. {}", summary.en),
            ));
            CatalogCheck::Switched {
                published,
                change: summary,
            }
        }
        // Installed, but no newer than what the app already uses (e.g. the built-in data).
        (UpdateOutcome::Switched(_) | UpdateOutcome::UpToDate, _) => CatalogCheck::UpToDate,
    };
    app.last_catalog_check.set(Some(check.clone()));
    Ok(check)
}

/// The courses the person is enrolled in (enrolments not undone) and the programs they saved, by id.
/// Unreadable storage yields nothing here: the catalog switch itself does not depend on it.
async fn records_in_catalog(storage: &Storage) -> (Vec<String>, Vec<String>) {
    use leye_core::training::{Event, EventKind, TrainingLog};
    let events = storage.training_events().await.unwrap_or_default();
    let log = TrainingLog::from_events(
        events
            .into_iter()
            .filter_map(|r| serde_json::from_value::<Event>(r.event).ok()),
    );
    let mut enrolled: Vec<String> = log
        .effective()
        .filter(|e| matches!(e.what, EventKind::Enrolled { .. }))
        .filter_map(|e| e.course.as_ref().map(|c| c.as_str().to_owned()))
        .collect();
    enrolled.sort();
    enrolled.dedup();
    let saved = storage
        .saved_programs()
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|r| r.program_id)
        .collect();
    (enrolled, saved)
}

/// Resolves once the catalog and the stored answers have been read at start-up (at once after that). Asking
/// is what starts the reading, if the idle delay has not already.
pub async fn data_ready() {
    data_ready::want();
    data_ready::ready().await
}

/// Two one-way latches: `want` (someone needs the start-up data) and `mark` (it is in). Pending until
/// opened, then open for good.
mod data_ready {
    use std::cell::RefCell;
    use std::future::Future;
    use std::pin::Pin;
    use std::task::{Context, Poll, Waker};
    use std::thread::LocalKey;

    /// `None` once open; until then the tasks waiting for it.
    type Latch = RefCell<Option<Vec<Waker>>>;

    thread_local! {
        static WANTED: Latch = const { RefCell::new(Some(Vec::new())) };
        static READY: Latch = const { RefCell::new(Some(Vec::new())) };
    }

    fn open(latch: &'static LocalKey<Latch>) {
        let waiting = latch.with(|w| w.borrow_mut().take());
        for waker in waiting.into_iter().flatten() {
            waker.wake();
        }
    }

    pub fn want() {
        open(&WANTED);
    }

    pub fn mark() {
        open(&READY);
    }

    pub fn wanted() -> impl Future<Output = ()> {
        Wait(&WANTED)
    }

    pub fn ready() -> impl Future<Output = ()> {
        Wait(&READY)
    }

    struct Wait(&'static LocalKey<Latch>);

    impl Future for Wait {
        type Output = ();
        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            self.0.with(|w| match w.borrow_mut().as_mut() {
                None => Poll::Ready(()),
                Some(waiting) => {
                    waiting.push(cx.waker().clone());
                    Poll::Pending
                }
            })
        }
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
    Date::new(
        now.get_full_year() as i32,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
    .unwrap_or_else(|_| Date::ymd(2026, 1, 1))
}
