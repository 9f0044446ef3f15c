//! Compile-fail tests: every kind of malformed macro input gives a clear compile error; and pass cases,
//! which compile and run as a user's crate would.
#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*/*.rs");
    t.pass("pass/*.rs");
}
