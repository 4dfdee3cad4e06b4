//! One file per screen.
