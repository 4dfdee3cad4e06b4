//! Service worker registration, the "new version" handshake, and online status.
//!
//! The worker (public/sw.js) never activates a new version on its own: when one is installed and
//! waiting, [`UpdateState::Ready`] shows the banner; tapping it posts SKIP_WAITING, and the page
//! reloads once the new worker has taken control. User data lives in IndexedDB, so a reload loses
//! nothing. Registration failures are only logged as info: the app works online without a worker.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

/// Where the app stands with respect to a newer deployed version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UpdateState {
    None,
    /// A new version is installed and waiting for the user's tap.
    Ready,
    /// The user tapped; waiting for the new worker to take control.
    Applying,
}

thread_local! {
    static REGISTRATION: std::cell::RefCell<Option<ServiceWorkerRegistration>> = const { std::cell::RefCell::new(None) };
}

/// Resolves `ms` milliseconds after the page has finished loading. Background work (the service worker's
/// precache, the catalog update check) waits for it so it does not compete with the first screen for a slow
/// network and a slow phone's CPU.
pub async fn after_load(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&JsValue::NULL);
            return;
        };
        let loaded = window
            .document()
            .map_or(true, |d| d.ready_state() == "complete");
        if loaded {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        } else {
            let later = Closure::once_into_js(move || {
                if let Some(w) = web_sys::window() {
                    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
                }
            });
            let _ = window.add_event_listener_with_callback("load", later.unchecked_ref());
        }
    });
    let _ = JsFuture::from(promise).await;
}

fn info(message: &str) {
    web_sys::console::info_1(&JsValue::from_str(message));
}

/// Registers /sw.js and watches for a waiting update. Never blocks or fails the app.
pub fn register_service_worker(update: RwSignal<UpdateState>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    // Absent on insecure origins and in some embedded browsers.
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return;
    }
    let container = navigator.service_worker();

    // When the new worker takes over after the user's tap, load the new version.
    let reload = Closure::<dyn Fn()>::new(move || {
        if update.get_untracked() == UpdateState::Applying {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();

    wasm_bindgen_futures::spawn_local(async move {
        // Installing fetches the whole app for offline use: after the first screen has what it needs.
        after_load(0).await;
        let registration = match JsFuture::from(container.register("/sw.js")).await {
            // Some embedded browsers (and test harnesses) resolve without a registration.
            Ok(reg) if reg.is_object() => reg.unchecked_into::<ServiceWorkerRegistration>(),
            Ok(_) => return,
            Err(err) => {
                info(&format!(
                    "乐业通: offline support is not available ({err:?}); the app works online."
                ));
                return;
            }
        };
        REGISTRATION.with(|r| *r.borrow_mut() = Some(registration.clone()));
        let has_controller = move || {
            web_sys::window()
                .map(|w| w.navigator().service_worker().controller().is_some())
                .unwrap_or(false)
        };
        // A worker already waiting from an earlier visit.
        if registration.waiting().is_some() && has_controller() {
            update.set(UpdateState::Ready);
        }
        let reg = registration.clone();
        let on_update_found = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = reg.installing() else {
                return;
            };
            let worker = installing.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                // Installed while another worker controls the page: that is an update, not the first install.
                if worker.state() == ServiceWorkerState::Installed && has_controller() {
                    update.set(UpdateState::Ready);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
    });
}

/// Tells the waiting worker to take over; the controllerchange handler then reloads the page.
pub fn apply_update() {
    let waiting: Option<ServiceWorker> =
        REGISTRATION.with(|r| r.borrow().as_ref().and_then(|reg| reg.waiting()));
    match waiting {
        Some(worker) => {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
            let _ = worker.post_message(&message);
        }
        // Nothing waiting any more (another tab already switched): a reload shows the live version.
        None => {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    }
}
