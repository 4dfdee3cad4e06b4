//! The trainee's training log as the 培训 screens and the shell's due-soon banner see it.
//!
//! Training events in storage are the source of truth: the log is read from them, every new entry is
//! validated by the domain ([`TrainingLog::append`]) before it is shown and stored, and everything on screen
//! (progress, certificates, the bonus, deadlines, the learning record) is derived from the log.
//! The log is read again whenever storage is replaced under 我的 → 数据 (`AppState::data_generation`), so the
//! 培训 screens and the banner show an imported log at once, and nothing after an erase.
//! Also here: local notifications (only after the person opted in *and* the browser allows them); file
//! downloads are in [`crate::components::export`].

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsValue;

use crate::app::use_app;
use crate::state::AppState;
use crate::storage::{now_ms, StorageError};
use leye_core::backup::TrainingEventRecord;
use leye_core::catalog::Catalog;
use leye_core::date::Date;
use leye_core::i18n::Message as _;
use leye_core::lang::{Lang, Text};
use leye_core::reminders::{self, Reminded};
use leye_core::text::training::{self as text, TrainingText};
use leye_core::training::{
    due_within, program_windows, upcoming, Appended, Context, CourseCatalog, Deadline, Event,
    EventKind, SkillsSubsidyTerms, TrainingError, TrainingLog,
};

/// `course_id` of stored events that belong to no course (certificates, claims). Course ids are kebab-case,
/// so `_` never collides with one and the by-course index keeps such events apart.
pub const NO_COURSE: &str = "_";
/// Settings keys: the day the banner was dismissed; whether the person turned reminders on (a bool);
/// the reminders already shown today ([`Reminded`]).
const BANNER_DISMISSED_ON: &str = "training.banner_dismissed_on";
const REMINDERS_ON: &str = "training.reminders_on";
const REMINDED: &str = "training.reminded";
/// The banner looks as far ahead as the reminders (issue 5: 14 days).
pub const DUE_SOON_DAYS: i64 = reminders::REMIND_WITHIN_DAYS;

/// Shared handle; cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Training {
    app: AppState,
    pub log: RwSignal<TrainingLog>,
    /// False until the stored events have been read once.
    pub loaded: RwSignal<bool>,
    /// Stored events that could not be read (a damaged record): counted so the screen can say so.
    pub unreadable: RwSignal<usize>,
    pub courses: RwSignal<Arc<CourseCatalog>>,
    /// `None` when the program catalog has no usable entry for the bonus (then no amounts are shown).
    pub terms: RwSignal<Option<Arc<SkillsSubsidyTerms>>>,
    pub banner_dismissed_on: RwSignal<Option<Date>>,
    /// The person turned on reminders (开启到期提醒) on this device. Off by default, and after an erase.
    pub reminders_on: RwSignal<bool>,
    /// Reminders shown today; updated before a notification is shown, so two quick runs never repeat one.
    reminded: StoredValue<Reminded>,
    /// Counts reads of storage: a slower, older read never overwrites a newer one.
    reads: StoredValue<u64>,
}

thread_local! {
    static TRAINING: RefCell<Option<(Owner, Training)>> = const { RefCell::new(None) };
}

/// The training state, created on first use. Its signals live under a child of the topmost owner (the
/// mounted app), so they outlive whichever screen asked first.
pub fn use_training() -> Training {
    if let Some(t) = TRAINING.with(|t| t.borrow().as_ref().map(|(_, t)| *t)) {
        return t;
    }
    let app = use_app();
    let mut top = Owner::current().expect("use_training is called while rendering");
    while let Some(parent) = top.parent() {
        top = parent;
    }
    let owner = top.child();
    let training = owner.with(|| Training::new(app));
    TRAINING.with(|t| *t.borrow_mut() = Some((owner, training)));
    training
}

fn course_catalog(catalog: &Catalog) -> Arc<CourseCatalog> {
    // The built-in courses parse (a test guarantees it); a pack whose courses do not is shown without them.
    Arc::new(CourseCatalog::from_catalog(catalog).unwrap_or_default())
}

impl Training {
    fn new(app: AppState) -> Training {
        let catalog = app.catalog.get_untracked();
        let t = Training {
            app,
            log: RwSignal::new(TrainingLog::new()),
            loaded: RwSignal::new(false),
            unreadable: RwSignal::new(0),
            courses: RwSignal::new(course_catalog(&catalog)),
            terms: RwSignal::new(
                SkillsSubsidyTerms::from_catalog(&catalog)
                    .ok()
                    .map(Arc::new),
            ),
            banner_dismissed_on: RwSignal::new(None),
            reminders_on: RwSignal::new(false),
            reminded: StoredValue::new(Reminded::default()),
            reads: StoredValue::new(0),
        };
        // A newer catalog pack may be installed after start-up.
        Effect::new(move |prev: Option<()>| {
            let catalog = app.catalog.get();
            if prev.is_some() {
                t.courses.set(course_catalog(&catalog));
                t.terms.set(
                    SkillsSubsidyTerms::from_catalog(&catalog)
                        .ok()
                        .map(Arc::new),
                );
            }
        });
        // Read the log as soon as storage is open, and again whenever an import or erase replaced it.
        Effect::new(move |_| {
            app.data_generation.track();
            if app.storage.with(Option::is_some) {
                t.reload();
            }
        });
        t
    }

    pub fn today(&self) -> Date {
        self.app.today
    }

    /// Reads the stored events and this screen's settings again; a setting that is gone (after an
    /// erase, or an import without it) goes back to its default.
    fn reload(self) {
        let Some(storage) = self.app.storage() else {
            return;
        };
        self.reads.update_value(|n| *n += 1);
        let this_read = self.reads.get_value();
        wasm_bindgen_futures::spawn_local(async move {
            let events = storage.training_events().await;
            let dismissed = storage.setting(BANNER_DISMISSED_ON).await;
            let reminders_on = storage.setting(REMINDERS_ON).await;
            let reminded = storage.setting(REMINDED).await;
            if self.reads.try_get_value() != Some(this_read) {
                return; // a newer read is under way (or the app is gone)
            }
            match events {
                Ok(records) => {
                    let mut bad = 0;
                    let events: Vec<Event> = records
                        .into_iter()
                        .filter_map(|r| {
                            serde_json::from_value::<Event>(r.event)
                                .map_err(|_| bad += 1)
                                .ok()
                        })
                        .collect();
                    self.log.set(TrainingLog::from_events(events));
                    self.unreadable.set(bad);
                }
                Err(e) => self.app.report(e),
            }
            let value = |r: Result<Option<serde_json::Value>, StorageError>| r.ok().flatten();
            self.banner_dismissed_on
                .set(value(dismissed).and_then(|v| v.as_str().and_then(|s| Date::parse(s).ok())));
            self.reminders_on
                .set(value(reminders_on) == Some(serde_json::Value::Bool(true)));
            self.reminded.set_value(
                value(reminded)
                    .and_then(|v| serde_json::from_value(v).ok())
                    .unwrap_or_default(),
            );
            self.loaded.set(true);
        });
    }

    /// Validates `what` as a new entry dated `on`, shows it at once and stores it. A refusal changes
    /// nothing and says what to fix; a storage failure is reported and the entry taken back off the screen.
    pub fn record(
        self,
        on: Date,
        course: Option<&str>,
        what: EventKind,
    ) -> Result<(), TrainingError> {
        let event = Event::new(new_event_id(), on, course, what);
        let courses = self.courses.get_untracked();
        let terms = self.terms.get_untracked();
        let ctx = Context {
            catalog: &courses,
            today: self.app.today,
            skills_subsidy: terms.as_deref(),
        };
        let mut log = self.log.get_untracked();
        if log.append(event.clone(), &ctx)? == Appended::Duplicate {
            return Ok(());
        }
        self.log.set(log);
        // The shell's 近期截止 banner may not be loaded yet (nothing could be due at start-up).
        self.app.allow_due_soon_banner();
        let record = TrainingEventRecord {
            event_id: event.id.0.clone(),
            course_id: event
                .course
                .as_ref()
                .map_or(NO_COURSE.to_string(), |c| c.0.clone()),
            recorded_at_ms: now_ms(),
            event: serde_json::to_value(&event).expect("events serialise"),
        };
        let Some(storage) = self.app.storage() else {
            return Ok(()); // screens only offer writes once storage is open
        };
        // Checked again inside the write, against what is stored then: another tab may have logged hours
        // for the same day since this one read the log (issue 14).
        let (today, stored_check) = (self.app.today, event.clone());
        let check = move |stored: Vec<TrainingEventRecord>| {
            let ctx = Context {
                catalog: &courses,
                today,
                skills_subsidy: terms.as_deref(),
            };
            let mut log = TrainingLog::from_events(
                stored
                    .into_iter()
                    .filter_map(|r| serde_json::from_value::<Event>(r.event).ok()),
            );
            log.append(stored_check, &ctx).map(|_| ()).map_err(|e| {
                StorageError::Refused(Text::new(e.message(Lang::Zh), e.message(Lang::En)))
            })
        };
        wasm_bindgen_futures::spawn_local(async move {
            match storage
                .append_training_events_checked(std::slice::from_ref(&record), check)
                .await
            {
                Ok(()) | Err(StorageError::Duplicate) => self.app.after_first_save().await,
                Err(e) => {
                    self.app.report(e);
                    let id = event.id;
                    self.log.update(|log| {
                        *log = TrainingLog::from_events(
                            log.events().iter().filter(|e| e.id != id).cloned(),
                        )
                    });
                }
            }
        });
        Ok(())
    }

    /// Every upcoming date, soonest first (reactive).
    pub fn deadlines(self) -> Vec<Deadline> {
        let today = self.app.today;
        let catalog = self.app.catalog.get();
        let terms = self.terms.get();
        let courses = self.courses.get();
        // Every program's fixed application windows still open (none in the built-in catalog today).
        let ids: Vec<&str> = catalog.programs().iter().map(|p| p.id.as_str()).collect();
        let windows = program_windows(&catalog, &ids, today);
        self.log
            .with(|log| upcoming(log, &courses, terms.as_deref(), windows, today))
    }

    pub fn dismiss_banner(self) {
        let today = self.app.today;
        self.banner_dismissed_on.set(Some(today));
        self.save_setting(
            BANNER_DISMISSED_ON,
            serde_json::Value::String(today.to_string()),
        );
    }

    fn save_setting(self, key: &'static str, value: serde_json::Value) {
        if let Some(storage) = self.app.storage() {
            let app = self.app;
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(e) = storage.set_setting(key, value).await {
                    app.report(e);
                }
            });
        }
    }

    /// The learning record as the standalone download's JSON, derived from storage exactly as the
    /// backup's copy is; `Ok(None)` when nothing was logged yet.
    pub async fn learning_record_json(self) -> Result<Option<String>, StorageError> {
        let Some(storage) = self.app.storage() else {
            return Ok(None);
        };
        let courses = self.courses.get_untracked();
        Ok(storage
            .learning_record(&courses, self.app.today)
            .await?
            .map(|r| r.to_json()))
    }

    /// Turns reminders on or off for this device (the browser permission is asked for by the caller).
    pub fn set_reminders(self, on: bool) {
        self.reminders_on.set(on);
        self.save_setting(REMINDERS_ON, serde_json::Value::Bool(on));
    }

    /// Shows a notification for each deadline due within 14 days not yet shown today, if the person
    /// turned reminders on and the browser allows notifications. Only while the app is open: no
    /// background work, nothing leaves the phone.
    fn remind(self, deadlines: &[Deadline], lang: Lang) {
        if !self.reminders_on.get_untracked()
            || !notifications_supported()
            || notification_permission() != web_sys::NotificationPermission::Granted
        {
            return;
        }
        let today = self.app.today;
        let mut reminded = self.reminded.get_value();
        let due = reminded.take_due(deadlines, today);
        if due.is_empty() {
            return;
        }
        let title = TrainingText::NotifyTitle.text(lang);
        for d in &due {
            let body = text::reminder_body(d.title.get(lang), d.date, today, lang);
            notify(title, &body, &reminders::item_key(d));
        }
        let stored = serde_json::to_value(&reminded).expect("reminders are plain JSON");
        self.reminded.set_value(reminded);
        self.save_setting(REMINDED, stored);
    }
}

/// A fresh event id: time plus randomness, in the characters event ids allow.
pub fn new_event_id() -> String {
    let rand = (js_sys::Math::random() * 2f64.powi(40)) as u64;
    format!("{:x}-{:x}", now_ms(), rand)
}

pub use crate::platform::clock::utc_stamp;

/// Where notifications can be shown at all (hidden elsewhere, e.g. iOS outside an installed app).
pub fn notifications_supported() -> bool {
    js_sys::Reflect::has(&window(), &JsValue::from_str("Notification")).unwrap_or(false)
}

pub fn notification_permission() -> web_sys::NotificationPermission {
    web_sys::Notification::permission()
}

/// Asks for permission; only ever called from a tap on 开启到期提醒.
pub async fn request_notifications() -> web_sys::NotificationPermission {
    if let Ok(promise) = web_sys::Notification::request_permission() {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    notification_permission()
}

/// One notification; `tag` is the item, so the phone replaces rather than stacks a repeat.
fn notify(title: &str, body: &str, tag: &str) {
    let options = web_sys::NotificationOptions::new();
    options.set_body(body);
    options.set_tag(tag);
    let _ = web_sys::Notification::new_with_options(title, &options);
}

/// The shell's gentle reminder: anything due within 14 days, once the log is read. "知道了" hides it for
/// today. With reminders turned on and notifications allowed, each such item is also a local notification,
/// once a day ([`Training::remind`]).
#[component]
pub fn DueSoonBanner() -> impl IntoView {
    let app = use_app();
    let training = use_training();
    let due = move || {
        if !training.loaded.get() {
            return None;
        }
        let today = app.today;
        let all = training.deadlines();
        let soon = due_within(&all, today, DUE_SOON_DAYS);
        let first = soon.first()?;
        let lang = app.lang.get();
        Some(text::due_soon(
            soon.len(),
            first.title.get(lang),
            first.date,
            today,
            lang,
        ))
    };
    // Runs when the log is read, when the deadlines change and when reminders are turned on.
    Effect::new(move |_| {
        if training.loaded.get() && training.reminders_on.get() {
            training.remind(&training.deadlines(), app.lang.get_untracked());
        }
    });
    let visible = move || training.banner_dismissed_on.get() != Some(app.today);
    view! {
        {move || (visible().then(due).flatten()).map(|sentence| view! {
            <div class="banner banner-due" role="status">
                <span class="banner-due-text">{sentence}</span>
                <span class="banner-due-actions">
                    <A href="/training" attr:class="banner-due-open">{move || app.t(TrainingText::DueOpen)}</A>
                    <button type="button" class="banner-due-dismiss" on:click=move |_| training.dismiss_banner()>
                        {move || app.t(TrainingText::DueDismiss)}
                    </button>
                </span>
            </div>
        })}
    }
}
