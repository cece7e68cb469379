mod harness;
fn main() {
    harness::run("rust_bulk", Vec::new());
}
