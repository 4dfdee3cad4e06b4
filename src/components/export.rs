//! Every export (backup, calendar file, learning record) as a download, and next to it the ways that work
//! where downloads do not (WeChat and QQ ignore `<a download>` or mangle blob URLs; some browsers refuse
//! object URLs): the system share sheet with the file where `navigator.canShare({ files })` allows it, copy to
//! the clipboard, and the text itself in a box to long-press (issue 13).

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::platform::download::download;
use crate::state::{tr, use_app};
use leye_core::text::shell::ExportText;

/// A file made on the phone, to hand over.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportFile {
    pub name: String,
    pub mime: &'static str,
    pub text: Arc<str>,
}

/// The export of one screen section: the last file made, and whether the browser refused to download it.
#[derive(Clone, Copy)]
pub struct Export {
    file: RwSignal<Option<ExportFile>>,
    blocked: RwSignal<bool>,
}

impl Export {
    pub fn new() -> Export {
        Export {
            file: RwSignal::new(None),
            blocked: RwSignal::new(false),
        }
    }

    /// Downloads `file` and shows the other ways next to it. Returns whether the download was started (a
    /// browser may still drop it silently; the other ways are shown either way).
    pub fn offer(self, file: ExportFile) -> bool {
        let started = download(&file.name, file.mime, &file.text).is_ok();
        self.blocked.set(!started);
        self.file.set(Some(file));
        started
    }
}

impl Default for Export {
    fn default() -> Self {
        Export::new()
    }
}

/// `file` as a File, when the system share sheet can take it (`navigator.canShare({ files })`).
fn shareable(file: &ExportFile) -> Option<web_sys::File> {
    let navigator = web_sys::window()?.navigator();
    let can_share: js_sys::Function = js_sys::Reflect::get(&navigator, &"canShare".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = web_sys::FilePropertyBag::new();
    options.set_type(file.mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(&file.text));
    let web_file =
        web_sys::File::new_with_str_sequence_and_options(&parts, &file.name, &options).ok()?;
    let data = share_data(&web_file);
    can_share
        .call1(&navigator, &data)
        .ok()?
        .as_bool()
        .unwrap_or(false)
        .then_some(web_file)
}

fn share_data(file: &web_sys::File) -> js_sys::Object {
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"files".into(), &js_sys::Array::of1(file));
    let _ = js_sys::Reflect::set(&data, &"title".into(), &file.name().into());
    data
}

/// navigator.share({ files, title }); the person closing the sheet (AbortError) is not a failure to report.
async fn share(file: &web_sys::File) -> Result<(), JsValue> {
    let navigator = web_sys::window().ok_or(JsValue::NULL)?.navigator();
    let f: js_sys::Function = js_sys::Reflect::get(&navigator, &"share".into())?.dyn_into()?;
    let promise: js_sys::Promise = f.call1(&navigator, &share_data(file))?.dyn_into()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
}

/// navigator.clipboard.writeText(text); Err when the API is missing or the browser refuses.
async fn copy(text: &str) -> Result<(), JsValue> {
    let navigator = web_sys::window().ok_or(JsValue::NULL)?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())?;
    let f: js_sys::Function = js_sys::Reflect::get(&clipboard, &"writeText".into())?.dyn_into()?;
    let promise: js_sys::Promise = f.call1(&clipboard, &JsValue::from_str(text))?.dyn_into()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
}

/// The other ways to keep the last exported file, shown once it is made. `id` names the text box.
#[component]
pub fn ExportPanel(export: Export, #[prop(into)] id: String) -> impl IntoView {
    let app = use_app();
    move || {
        let file = export.file.get()?;
        let shared = shareable(&file);
        let can_share = shared.is_some();
        let copied = RwSignal::new(None::<bool>);
        let text = file.text.clone();
        let on_copy = move |_| {
            let text = text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(Some(copy(&text).await.is_ok()));
            });
        };
        let on_share = move |_| {
            if let Some(f) = shared.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = share(&f).await;
                });
            }
        };
        let id = id.clone();
        Some(view! {
            <div class="export-other">
                <p class="note export-other-intro">
                    {move || app.t(if export.blocked.get() { ExportText::DownloadBlocked } else { ExportText::OtherWays })}
                </p>
                <p class="export-actions">
                    {can_share.then(|| view! {
                        <button type="button" class="button export-share" on:click=on_share>{tr(ExportText::ShareFile)}</button>
                    })}
                    <button type="button" class="button export-copy" on:click=on_copy>{tr(ExportText::CopyText)}</button>
                </p>
                <p class="export-copied" role="status">
                    {move || copied.get().map(|ok| app.t(if ok { ExportText::Copied } else { ExportText::CopyFailed }))}
                </p>
                <label for=id.clone() class="export-text-label">{tr(ExportText::TextLabel)}</label>
                <textarea id=id class="export-text" readonly rows="4" prop:value=file.text.to_string()></textarea>
            </div>
        })
    }
}
