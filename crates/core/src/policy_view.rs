//! What the 自测, results, program and 政策 screens show, worked out without the browser. The strings are
//! in [`crate::text::policy`], the choices in [`crate::view`]; this module keeps the old paths.

pub use crate::text::policy::{fill, tf, PolicyText};
pub use crate::view::answer::{answer_label, parse_input, step_int, toggle_multi};
pub use crate::view::policies::{browse, for_me, matches_search};
pub use crate::view::results::{
    course_card_title, course_cards, exclusion_hint, find_out_step, grouped, next_step,
    open_questions, ranked, section_of, tel_link, why_line, Section,
};
