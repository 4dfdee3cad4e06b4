//! The browser's own speech engine (speechSynthesis), for 朗读: found by feature detection, reading
//! Mandarin with an installed Chinese voice where there is one. Nothing leaves the phone.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

/// The browser's speech engine, if it has one (feature detection, never a user-agent check).
pub fn speech() -> Option<SpeechSynthesis> {
    let window = web_sys::window()?;
    let has = js_sys::Reflect::has(&window, &JsValue::from_str("speechSynthesis")).unwrap_or(false)
        && js_sys::Reflect::has(&window, &JsValue::from_str("SpeechSynthesisUtterance"))
            .unwrap_or(false);
    if !has {
        return None;
    }
    window.speech_synthesis().ok()
}

/// An installed Chinese (zh-CN) voice; without one the engine still honours the utterance's lang.
pub fn mandarin_voice(synth: &SpeechSynthesis) -> Option<SpeechSynthesisVoice> {
    synth
        .get_voices()
        .iter()
        .filter_map(|v| v.dyn_into::<SpeechSynthesisVoice>().ok())
        .find(|v| {
            v.lang()
                .replace('_', "-")
                .to_lowercase()
                .starts_with("zh-cn")
        })
}

/// One part of a reading, in Mandarin, a little slower than the engine's default.
pub fn utterance(
    text: &str,
    voice: Option<&SpeechSynthesisVoice>,
) -> Option<SpeechSynthesisUtterance> {
    let u = SpeechSynthesisUtterance::new_with_text(text).ok()?;
    u.set_lang("zh-CN");
    u.set_rate(0.9);
    if let Some(v) = voice {
        u.set_voice(Some(v));
    }
    Some(u)
}
