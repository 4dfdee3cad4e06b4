//! The 培训 section's store: the trainee's training log and the section's settings, as the 培训 screens and
//! the shell's due-soon banner see them.
//!
//! Training events in storage are the source of truth: the log is read from them, every new entry is
//! validated by the domain ([`TrainingLog::append`]) before it is shown and stored, and everything on screen
//! (progress, certificates, the bonus, deadlines, the learning record) is derived from the log.
//! The log is a resource keyed on `AppState::data_generation`, as every screen's data is: read when storage
//! opens and again whenever storage is replaced under 我的 → 数据, so the 培训 screens and the banner show an
//! imported log at once, and nothing after an erase.

use std::sync::Arc;

use leptos::prelude::*;

use crate::platform::clock::now_ms;
use crate::state::{use_app, AppState};
use crate::storage::{Storage, StorageError};
use leye_core::backup::TrainingEventRecord;
use leye_core::catalog::Catalog;
use leye_core::date::Date;
use leye_core::reminders::{self, Reminded};
use leye_core::text::training::error_text;
use leye_core::training::{
    program_windows, upcoming, Appended, Context, CourseCatalog, Deadline, Event, EventKind,
    SkillsSubsidyTerms, TrainingError, TrainingLog,
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

/// What storage holds for the section, read in one go.
#[derive(Clone, Default)]
struct Stored {
    log: TrainingLog,
    /// Stored events that could not be read (a damaged record): counted so the screen can say so.
    unreadable: usize,
    banner_dismissed_on: Option<Date>,
    /// The person turned on reminders (开启到期提醒) on this device. Off by default, and after an erase.
    reminders_on: bool,
    /// Reminders shown today; updated before a notification is shown, so two quick runs never repeat one.
    reminded: Reminded,
}

/// Shared handle; cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Training {
    app: AppState,
    /// `None` until storage is open; then what it holds, read again on every `data_generation`.
    stored: LocalResource<Option<Stored>>,
    pub courses: RwSignal<Arc<CourseCatalog>>,
    /// `None` when the program catalog has no usable entry for the bonus (then no amounts are shown).
    pub terms: RwSignal<Option<Arc<SkillsSubsidyTerms>>>,
}

/// The section's store, from context. The section has three entry views, each in the training piece of the
/// app (the 培训 page, a course page, the shell's due-soon banner), and they share one log: whichever comes
/// first provides it, on the mounted app's owner, so it outlives the screen that asked and is read once.
pub fn use_training() -> Training {
    use_context::<Training>().unwrap_or_else(provide_training)
}

fn provide_training() -> Training {
    let app = use_app();
    // On the app's own owner, like the policy screens' shared parts (state/shared.rs), so that the store
    // outlives the screen that asked first.
    app.under_app(|| {
        let training = Training::new(app);
        provide_context(training);
        training
    })
}

fn course_catalog(catalog: &Catalog) -> Arc<CourseCatalog> {
    // The built-in courses parse (a test guarantees it); a pack whose courses do not is shown without them.
    Arc::new(CourseCatalog::from_catalog(catalog).unwrap_or_default())
}

/// Reads the stored events and this section's settings; a setting that is gone (after an erase, or an
/// import without it) is its default.
async fn read(app: AppState, storage: Storage) -> Stored {
    let events = storage.training_events().await;
    let dismissed = storage.setting(BANNER_DISMISSED_ON).await;
    let reminders_on = storage.setting(REMINDERS_ON).await;
    let reminded = storage.setting(REMINDED).await;
    let mut stored = Stored::default();
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
            stored.log = TrainingLog::from_events(events);
            stored.unreadable = bad;
        }
        Err(e) => app.report(e),
    }
    let value = |r: Result<Option<serde_json::Value>, StorageError>| r.ok().flatten();
    stored.banner_dismissed_on =
        value(dismissed).and_then(|v| v.as_str().and_then(|s| Date::parse(s).ok()));
    stored.reminders_on = value(reminders_on) == Some(serde_json::Value::Bool(true));
    stored.reminded = value(reminded)
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default();
    stored
}

impl Training {
    fn new(app: AppState) -> Training {
        let catalog = app.catalog.get_untracked();
        let t = Training {
            app,
            stored: LocalResource::new(move || {
                app.data_generation.track();
                let storage = app.storage.get();
                async move {
                    match storage {
                        Some(storage) => Some(read(app, storage).await),
                        None => None,
                    }
                }
            }),
            courses: RwSignal::new(course_catalog(&catalog)),
            terms: RwSignal::new(
                SkillsSubsidyTerms::from_catalog(&catalog)
                    .ok()
                    .map(Arc::new),
            ),
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
        t
    }

    pub fn today(&self) -> Date {
        self.app.today
    }

    fn with_stored<R>(self, f: impl FnOnce(Option<&Stored>) -> R) -> R {
        self.stored.with(|s| f(s.as_ref().and_then(Option::as_ref)))
    }

    /// Changes what was read (nothing before the first read).
    fn update_stored(self, f: impl FnOnce(&mut Stored)) {
        self.stored.update(|s| {
            if let Some(Some(stored)) = s {
                f(stored)
            }
        });
    }

    /// True once the stored events have been read (reactive).
    pub fn loaded(self) -> bool {
        self.with_stored(|s| s.is_some())
    }

    /// Reads the log (reactive); empty until it is read.
    pub fn with_log<R>(self, f: impl FnOnce(&TrainingLog) -> R) -> R {
        self.with_stored(|s| match s {
            Some(s) => f(&s.log),
            None => f(&TrainingLog::new()),
        })
    }

    /// How many stored events could not be read (reactive).
    pub fn unreadable(self) -> usize {
        self.with_stored(|s| s.map_or(0, |s| s.unreadable))
    }

    pub fn banner_dismissed_on(self) -> Option<Date> {
        self.with_stored(|s| s.and_then(|s| s.banner_dismissed_on))
    }

    pub fn reminders_on(self) -> bool {
        self.with_stored(|s| s.is_some_and(|s| s.reminders_on))
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
        let mut log = self.stored.with_untracked(|s| {
            s.as_ref()
                .and_then(Option::as_ref)
                .map(|s| s.log.clone())
                .unwrap_or_default()
        });
        if log.append(event.clone(), &ctx)? == Appended::Duplicate {
            return Ok(());
        }
        self.update_stored(|s| s.log = log);
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
            log.append(stored_check, &ctx)
                .map(|_| ())
                .map_err(|e| StorageError::Refused(error_text(&e)))
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
                    self.update_stored(|s| {
                        s.log = TrainingLog::from_events(
                            s.log.events().iter().filter(|e| e.id != id).cloned(),
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
        self.with_log(|log| upcoming(log, &courses, terms.as_deref(), windows, today))
    }

    pub fn dismiss_banner(self) {
        let today = self.app.today;
        self.update_stored(|s| s.banner_dismissed_on = Some(today));
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
        self.update_stored(|s| s.reminders_on = on);
        self.save_setting(REMINDERS_ON, serde_json::Value::Bool(on));
    }

    /// The deadlines due within 14 days not yet reminded of today, if the person turned reminders on;
    /// marked as reminded (and stored) before the caller shows them, so two quick runs never repeat one.
    pub fn take_due_reminders(self, deadlines: &[Deadline]) -> Vec<Deadline> {
        let Some(mut reminded) = self.stored.with_untracked(|s| {
            s.as_ref()
                .and_then(Option::as_ref)
                .filter(|s| s.reminders_on)
                .map(|s| s.reminded.clone())
        }) else {
            return Vec::new();
        };
        let due: Vec<Deadline> = reminded
            .take_due(deadlines, self.app.today)
            .into_iter()
            .cloned()
            .collect();
        if !due.is_empty() {
            let value = serde_json::to_value(&reminded).expect("reminders are plain JSON");
            // Untracked: what was reminded of changes nothing on screen.
            if let Some(Some(stored)) = &mut *self.stored.write_untracked() {
                stored.reminded = reminded;
            }
            self.save_setting(REMINDED, value);
        }
        due
    }
}

/// A fresh event id: time plus randomness, in the characters event ids allow.
pub fn new_event_id() -> String {
    let rand = (js_sys::Math::random() * 2f64.powi(40)) as u64;
    format!("{:x}-{:x}", now_ms(), rand)
}
