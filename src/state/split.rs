//! The app's lazily loaded pieces (wasm-split chunks): calling one, and what to say when one cannot be fetched.

use leye_core::lang::Text;

/// A lazily loaded piece of the app (a wasm-split chunk) could not be fetched: a first visit on a failing
/// network, before the service worker has cached it. Said to the person instead of stopping the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkMissing;

#[cfg(leye_split)]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkMissing
    }
}

/// Calls a split function: in the split build (`--cfg leye_split`, scripts/build.sh) it first loads its
/// chunk, so the call is awaited; elsewhere it is a plain call.
#[cfg(leye_split)]
macro_rules! chunk {
    ($call:expr) => {
        $call.await
    };
}
#[cfg(not(leye_split))]
macro_rules! chunk {
    ($call:expr) => {
        $call
    };
}
pub(crate) use chunk;

/// The work of a split function that runs asynchronously (returned boxed, as a split function's result
/// crosses a module boundary).
pub(crate) type Task<T> = std::pin::Pin<Box<dyn std::future::Future<Output = T>>>;

/// What to say when a piece of the app could not be downloaded.
pub fn chunk_missing_text() -> Text {
    leye_core::text::both(leye_core::text::shell::AppText::ChunkMissing)
}
