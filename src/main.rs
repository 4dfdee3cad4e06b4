//! Entry point of the web app. Trunk builds this binary for wasm32; natively it only explains itself.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(leye::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("乐业通 is a web app: run `./scripts/run.sh` (see README.md) to build and serve it.");
}
