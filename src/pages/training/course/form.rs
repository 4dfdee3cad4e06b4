//! What the course page's forms share: an error shown next to the field it is about, and reading a date.

use leptos::prelude::*;

use leye_core::date::Date;
use leye_core::view::training::Field;

/// The error of a form, shown next to the field it is about.
#[derive(Clone, Copy)]
pub struct FormError(RwSignal<Option<(Field, String)>>);

impl FormError {
    pub fn new() -> FormError {
        FormError(RwSignal::new(None))
    }
    pub fn at(self, field: Field) -> impl Fn() -> Option<String> + Copy {
        move || self.0.get().filter(|(f, _)| *f == field).map(|(_, m)| m)
    }
    pub fn invalid(self, field: Field) -> impl Fn() -> &'static str + Copy {
        move || {
            if self.at(field)().is_some() {
                "true"
            } else {
                "false"
            }
        }
    }
    pub fn show(self, field: Field) -> impl IntoView {
        move || {
            self.at(field)().map(|m| view! { <span class="field-error" role="alert">{m}</span> })
        }
    }
    pub fn set(self, field: Field, message: impl Into<String>) {
        self.0.set(Some((field, message.into())));
    }
    pub fn clear(self) {
        self.0.set(None);
    }
}

pub fn parse_date(raw: &str) -> Option<Date> {
    Date::parse(raw.trim()).ok()
}
