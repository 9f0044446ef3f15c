//! Compile-fail tests: every kind of malformed macro input gives a clear compile error.
#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*/*.rs");
}
