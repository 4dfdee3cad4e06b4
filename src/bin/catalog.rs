//! The catalog maintainers' tool (placeholder until the catalog lands).
fn main() {
    eprintln!("usage: catalog check | eval --facts FILE.json [--today YYYY-MM-DD]");
    std::process::exit(2);
}
