//! Small reusable views.
