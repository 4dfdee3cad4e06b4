//! Small reusable views.
pub mod policy;
