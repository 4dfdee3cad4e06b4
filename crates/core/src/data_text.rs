//! Where 我的 → 数据's strings and helpers used to live: its text is now in [`crate::text::data`], what it
//! computes in [`crate::view::data`]. Kept so `leye_core::data_text::…` paths keep working.

pub use crate::text::data::*;
pub use crate::view::data::*;
