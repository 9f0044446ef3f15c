//! `Context::get` allocates nothing, also on a context large enough to be searched rather than
//! scanned, for names in any case (a counting global allocator in its own test binary).

use std::alloc::System;

use ecr_actions::eval::{Context, ContextValueRef};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

#[test]
fn get_allocates_nothing() {
    let context: Context = (0..1000)
        .map(|i| (format!("aws:PrincipalTag/team{i}"), "red"))
        .collect();
    let small = Context::new().with("aws:username", "alice");
    let probes: Vec<String> = (0..1000)
        .map(|i| format!("AWS:principaltag/TEAM{i}"))
        .collect();
    // The counter is global and the harness's own thread may allocate while a region is open:
    // each round does the same work, so an allocation of `get` shows in every round, and the
    // quietest of three rounds must be zero.
    let mut rounds = Vec::new();
    for _ in 0..3 {
        let region = Region::new(GLOBAL);
        let mut found = 0_usize;
        for probe in &probes {
            found += usize::from(context.get(probe) == Some(ContextValueRef::Single("red")));
            found += usize::from(small.get("AWS:UserName").is_some());
        }
        let change = region.change();
        assert_eq!(found, 2000);
        rounds.push(change);
    }
    assert!(
        rounds
            .iter()
            .any(|change| (change.allocations, change.reallocations) == (0, 0)),
        "get allocated in every round: {rounds:?}"
    );
    // The counter does count: a name past 256 bytes is folded on the heap.
    let region = Region::new(GLOBAL);
    let _ = context.get(&"x".repeat(300));
    assert!(region.change().allocations > 0);
}
