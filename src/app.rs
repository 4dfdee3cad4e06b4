//! The router, the lazily loaded screens and what the shell loads after the first paint; the frame itself
//! (top bar, banners, tabs) is `components::shell`.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy, LazyRoute};

use crate::components::shell::{
    NoticeLine, OfflineNote, StorageBanner, TabBar, TopBar, UpdateBanner,
};
use crate::pages;
use crate::platform::{online, pwa};
use crate::state::{chunk, tr, use_app, AppState, ChunkMissing};
use leye_core::i18n::Key;

/// How long after the page has loaded the 近期截止 banner (and its chunk) waits.
const DUE_SOON_DELAY_MS: i32 = 2_500;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    state.open_storage();

    // <html lang> follows the chosen language, for screen readers and fonts.
    Effect::new(move |_| {
        let tag = state.lang.get().tag();
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("lang", tag);
        }
        document().set_title(&format!(
            "{} · {}",
            state.t(Key::AppName),
            state.t(Key::AppTagline)
        ));
    });

    // The app is drawn in two tasks, so that neither blocks the phone for long (issue 16's TBT): the router,
    // top bar and banners now, the screen and the tabs in the next task. Until then the prerendered first
    // screen from index.html stays up, with the app hidden behind it (style/main.css, `#boot ~ *`); it is
    // removed (with its English copy) in the same task that draws the rest, so no frame is blank or doubled.
    let screen_drawn = RwSignal::new(false);
    wasm_bindgen_futures::spawn_local(async move {
        crate::platform::clock::next_task().await;
        screen_drawn.set(true);
        for id in ["boot", "boot-en"] {
            if let Some(el) = document().get_element_by_id(id) {
                el.remove();
            }
        }
    });
    watch_due_soon(state);
    online::watch_online(state.online);
    pwa::register_service_worker(state.update);

    view! {
        <Router>
            <a class="skip-link" href="#main">{tr(Key::SkipToContent)}</a>
            <TopBar/>
            <UpdateBanner/>
            // Only in WeChat/QQ: the line's code is a small chunk of its own, off everyone else's first load.
            {crate::components::environment::in_app_browser().then(|| Suspend::new(async move {
                chunk!(in_app_line()).ok()
            }))}
            <StorageBanner/>
            <OfflineNote/>
            <NoticeLine/>
            // Without its chunk there is no banner; the 培训 tab still lists every deadline.
            {move || state.due_soon_possible.get().then(|| Suspend::new(async move {
                // It names courses, which the built-in catalog keeps apart (issue 16). (The app has one
                // thread: the wrapper only tells Leptos so.)
                if !send_wrapper::SendWrapper::new(state.read_courses()).await {
                    return None;
                }
                chunk!(due_soon_banner()).ok()
            }))}
            {move || screen_drawn.get().then(|| view! {
                <main id="main" class="page" tabindex="-1">
                    <Routes fallback=|| view! { <pages::not_found::NotFoundPage/> }>
                        <Route path=path!("/") view=pages::home::HomePage/>
                        <Route path=path!("/check") view={Lazy::<CheckRoute>::new()}/>
                        <Route path=path!("/policies") view={Lazy::<PoliciesRoute>::new()}/>
                        <Route path=path!("/policies/:id") view={Lazy::<ProgramRoute>::new()}/>
                        <Route path=path!("/training") view={Lazy::<TrainingRoute>::new()}/>
                        <Route path=path!("/training/:course") view={Lazy::<CourseRoute>::new()}/>
                        <Route path=path!("/me") view={Lazy::<MeRoute>::new()}/>
                        <Route path=path!("/summary") view={Lazy::<SummaryRoute>::new()}/>
                        <Route path=path!("/me/data") view={Lazy::<DataRoute>::new()}/>
                    </Routes>
                </main>
                <TabBar/>
            })}
        </Router>
    }
}

// Every screen but 首页 is lazily loaded wasm (split by wasm-split in scripts/build.sh), so the first screen
// downloads only the shell; the service worker still precaches every piece for offline use. Screens are
// grouped by section (`$piece`): the policy screens share most of their code, as do the training screens, and a
// piece per screen made wasm-split cut the shared code into a chunk per combination of users (over a hundred
// files for 自测 alone: one request each on a slow network). 自测 is the exception, a piece of its own: it is
// the way to a person's answer, and without the list, program and summary pages' code a first visit fetches
// 53 KB less before the results show (issue 16's answer path; the install grows by 19 KB of chunk overhead).
// `leye_split` is set only by that build: other builds (browser tests) have no wasm-split step to resolve the
// chunks' imports, so there these are plain functions.
// A screen is shown once its chunk is in and the catalog and answers have been read (`data_ready`); a chunk
// that cannot be fetched (first visit, failing network) gets a message and a way to retry, not a dead app.
macro_rules! lazy_page {
    ($route:ident, $piece:ident, $view:ident, $page:path) => {
        lazy_page!($route, $piece, $view, $page, courses = false);
    };
    ($route:ident, $piece:ident, $view:ident, $page:path, courses = $courses:literal) => {
        struct $route(AppState);

        impl LazyRoute for $route {
            fn data() -> Self {
                $route(use_app())
            }

            async fn view(this: Self) -> AnyView {
                crate::state::data_ready().await;
                // The 培训 screens list the courses, which the built-in catalog keeps apart (issue 16).
                if $courses && !this.0.read_courses().await {
                    return view! { <ChunkMissingPage/> }.into_any();
                }
                match chunk!($view()) {
                    Ok(view) => view,
                    Err(ChunkMissing) => view! { <ChunkMissingPage/> }.into_any(),
                }
            }
        }

        #[cfg_attr(
            leye_split,
            leptos::wasm_split::wasm_split($piece, wasm_split_path = ::leptos::wasm_split, fallible)
        )]
        fn $view() -> Result<AnyView, ChunkMissing> {
            Ok(view! { <$page/> }.into_any())
        }
    };
}

/// The 近期截止 banner is a gentle reminder, not the first thing to load: whether it could have anything to say
/// is checked once the first screen has settled, and again after an import replaced the data. Nothing can be
/// due without training events or an open program window; then the banner (which reads the whole log) is not
/// loaded at all, until the first entry in the log allows it (`AppState::allow_due_soon_banner`).
fn watch_due_soon(state: AppState) {
    Effect::new(move |_| {
        state.data_generation.track();
        if state.due_soon_possible.get_untracked() {
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            pwa::after_load(DUE_SOON_DELAY_MS).await;
            crate::state::data_ready().await;
            if anything_could_be_due(state).await {
                state.allow_due_soon_banner();
            }
        });
    });
}

/// Whether the 近期截止 banner could have anything to say.
async fn anything_could_be_due(app: AppState) -> bool {
    let open_window = app
        .catalog
        .with_untracked(|c| leye_core::training::any_open_program_window(c, app.today));
    match app.storage() {
        Some(storage) => open_window || storage.has_training_events().await.unwrap_or(true),
        None => open_window,
    }
}

/// 近期截止 needs the training log and the course catalog: it arrives with the training screens (it shares
/// their code), after the first paint and only when something could be due.
#[cfg_attr(
    leye_split,
    leptos::wasm_split::wasm_split(training_screens, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn due_soon_banner() -> Result<AnyView, ChunkMissing> {
    Ok(view! { <crate::components::training_log::DueSoonBanner/> }.into_any())
}

/// The once-a-day line on opening the app in the phone's browser (see `InAppLine`).
#[cfg_attr(
    leye_split,
    leptos::wasm_split::wasm_split(in_app_line, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn in_app_line() -> Result<AnyView, ChunkMissing> {
    Ok(view! { <crate::components::environment::InAppLine/> }.into_any())
}

/// A screen whose code could not be downloaded: why, and a reload (the service worker serves what it has).
#[component]
fn ChunkMissingPage() -> impl IntoView {
    let app = use_app();
    let text = crate::state::chunk_missing_text();
    view! {
        <section class="not-found" role="alert">
            <h1>{tr(Key::ChunkMissingTitle)}</h1>
            <p>{move || text.get(app.lang.get()).to_string()}</p>
            <button type="button" class="button button-primary" on:click=move |_| {
                let _ = window().location().reload();
            }>{tr(Key::ChunkMissingRetry)}</button>
        </section>
    }
}

lazy_page!(
    CheckRoute,
    check_screen,
    check_view,
    pages::check::CheckPage
);
lazy_page!(
    PoliciesRoute,
    policy_screens,
    policies_view,
    pages::policies::PoliciesPage
);
lazy_page!(
    ProgramRoute,
    policy_screens,
    program_view,
    pages::program::ProgramPage
);
lazy_page!(
    SummaryRoute,
    policy_screens,
    summary_view,
    pages::summary::SummaryPage
);
lazy_page!(
    TrainingRoute,
    training_screens,
    training_view,
    pages::training::TrainingPage,
    courses = true
);
lazy_page!(
    CourseRoute,
    training_screens,
    course_view,
    pages::training::course::CoursePage,
    courses = true
);
lazy_page!(MeRoute, me_screen, me_view, pages::me::MePage);
lazy_page!(DataRoute, data_screen, data_view, pages::data::DataPage);
