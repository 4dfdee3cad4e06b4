//! IndexedDB storage (being written).
