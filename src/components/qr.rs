//! A QR code made on the phone (no network): the `qrcode` crate computes the modules, and the view draws
//! them as one SVG `<path>` built from DOM nodes (no inner_html, nothing the CSP would block).

use leptos::prelude::*;
use qrcode::{Color, EcLevel, QrCode};

use crate::state::tr;
use leye_core::text::summary::SummaryText;

/// Modules of white margin a scanner needs around the code.
const QUIET_ZONE: usize = 4;

/// The code's side in modules (quiet zone included) and its dark modules as an SVG path, one subpath per
/// horizontal run. `None` when the text is too long for any QR version.
pub fn qr_path(text: &str) -> Option<(usize, String)> {
    // M: a phone screen photographed by another phone has glare; 15% recovery is worth the size.
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let n = code.width();
    let colors = code.to_colors();
    let mut d = String::new();
    for y in 0..n {
        let row = &colors[y * n..(y + 1) * n];
        let mut x = 0;
        while x < n {
            if row[x] == Color::Dark {
                let start = x;
                while x < n && row[x] == Color::Dark {
                    x += 1;
                }
                let len = x - start;
                d.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE,
                    len,
                    len
                ));
            } else {
                x += 1;
            }
        }
    }
    Some((n + 2 * QUIET_ZONE, d))
}

/// The QR code of `text`, or a note when it does not fit.
#[component]
pub fn QrCodeView(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let drawn = Memo::new(move |_| qr_path(&text.get()));
    view! {
        {move || match drawn.get() {
            Some((side, d)) => view! {
                <svg
                    class="qr"
                    xmlns="http://www.w3.org/2000/svg"
                    viewBox=format!("0 0 {side} {side}")
                    role="img"
                    aria-label=tr(SummaryText::QrLabel)
                    shape-rendering="crispEdges"
                    data-modules=side.to_string()
                >
                    <rect width="100%" height="100%" fill="#ffffff"></rect>
                    <path d=d fill="#000000"></path>
                </svg>
            }
            .into_any(),
            None => view! { <p class="note">{tr(SummaryText::QrTooLong)}</p> }.into_any(),
        }}
    }
}
