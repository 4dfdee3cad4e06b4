//! 朗读: reads a text aloud in Mandarin with the browser's own speech engine (speechSynthesis, zh-CN), for
//! people who struggle with reading. Nothing leaves the phone. The button is not rendered at all where the
//! browser has no speechSynthesis, and turns into 停止朗读 while speaking.
//!
//! Use: `<ReadAloud text=Signal::derive(move || read_aloud_text(...))/>` (see
//! [`leye_core::summary::read_aloud_text`] for what to read for a program).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::platform::speech::{mandarin_voice, speech, utterance};
use crate::state::{tr, use_app};
use leye_core::summary::speech_chunks;
use leye_core::text::summary::SummaryText;

#[component]
pub fn ReadAloud(
    /// What to read, in Chinese (it is always read in Mandarin).
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    let app = use_app();
    let Some(synth) = speech() else {
        // No engine: no button, rather than one that does nothing.
        return ().into_any();
    };
    let speaking = RwSignal::new(false);
    // Each start gets a number; callbacks of an earlier, stopped reading are ignored.
    let generation = StoredValue::new(0u32);
    let synth = StoredValue::new_local(synth);

    let stop = move || {
        generation.update_value(|g| *g += 1);
        synth.with_value(|s| s.cancel());
        speaking.set(false);
    };

    let start = move || {
        stop();
        let gen = generation.get_value();
        let parts = speech_chunks(&text.get_untracked());
        let count = parts.len();
        if count == 0 {
            return;
        }
        // Prefer an installed Chinese voice; without one the engine still honours lang.
        let voice = synth.with_value(mandarin_voice);
        speaking.set(true);
        for (i, part) in parts.iter().enumerate() {
            let Some(u) = utterance(part, voice.as_ref()) else {
                speaking.set(false);
                app.inform(leye_core::lang::Text::new(
                    SummaryText::ReadAloudFailed.zh(),
                    SummaryText::ReadAloudFailed.en(),
                ));
                return;
            };
            if i + 1 == count {
                let on_end = Closure::<dyn FnMut(JsValue)>::new(move |_| {
                    if generation.get_value() == gen {
                        speaking.set(false);
                    }
                });
                u.set_onend(Some(on_end.as_ref().unchecked_ref()));
                on_end.forget();
            }
            let on_error = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
                if generation.get_value() != gen {
                    return;
                }
                speaking.set(false);
                // "interrupted"/"canceled" come from our own stop; anything else is worth telling.
                let reason = js_sys::Reflect::get(&e, &JsValue::from_str("error"))
                    .ok()
                    .and_then(|r| r.as_string())
                    .unwrap_or_default();
                if reason != "interrupted" && reason != "canceled" {
                    app.inform(leye_core::lang::Text::new(
                        SummaryText::ReadAloudFailed.zh(),
                        SummaryText::ReadAloudFailed.en(),
                    ));
                }
            });
            u.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            on_error.forget();
            synth.with_value(|s| s.speak(&u));
        }
    };

    // Leaving the screen stops the voice.
    on_cleanup(move || {
        if speaking.get_untracked() {
            generation.update_value(|g| *g += 1);
            synth.with_value(|s| s.cancel());
        }
    });

    view! {
        <div class="read-aloud">
            <Show
                when=move || speaking.get()
                fallback=move || view! {
                    <button type="button" class="button read-aloud-start" on:click=move |_| start()
                        aria-label=move || app.t(SummaryText::ReadAloudLabel)>
                        <span class="read-aloud-icon" aria-hidden="true"></span>
                        {tr(SummaryText::ReadAloud)}
                    </button>
                }
            >
                <button type="button" class="button read-aloud-stop" on:click=move |_| stop()>
                    <span class="read-aloud-icon read-aloud-icon-stop" aria-hidden="true"></span>
                    {tr(SummaryText::StopReading)}
                </button>
            </Show>
            <span class="visually-hidden" role="status">
                {move || if speaking.get() { app.t(SummaryText::Reading) } else { "" }}
            </span>
        </div>
    }
    .into_any()
}

/// Both texts of a message, for `app.inform`.
trait BothLangs {
    fn zh(self) -> &'static str;
    fn en(self) -> &'static str;
}

impl<M: leye_core::i18n::Message> BothLangs for M {
    fn zh(self) -> &'static str {
        self.text(leye_core::lang::Lang::Zh)
    }
    fn en(self) -> &'static str {
        self.text(leye_core::lang::Lang::En)
    }
}
