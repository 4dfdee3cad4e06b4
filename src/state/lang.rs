//! The language mirrored in localStorage, so the very first paint is already in the right one.

use leye_core::lang::Lang;

/// localStorage mirrors the language so the very first paint is already in the right one;
/// IndexedDB (settings store) is the record that backups carry.
const LANG_MIRROR_KEY: &str = "leye.lang";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub(super) fn mirrored_lang() -> Lang {
    local_storage()
        .and_then(|s| s.get_item(LANG_MIRROR_KEY).ok().flatten())
        .map(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

pub(super) fn mirror_lang(lang: Lang) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LANG_MIRROR_KEY, lang.code());
    }
}
