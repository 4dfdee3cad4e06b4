//! Stable sorting with one copy of the sort code.
//!
//! The standard library's `sort_by` and its kin are generic over the element and the comparison, so every
//! place that sorts compiles its own copy of the sort: 3–4 KB of wasm each, two dozen in the app (issue 16).
//! These sort a list of positions through one comparison object, so the sort itself is compiled once; what
//! is left per call is the comparison and the few lines that put the items in their new order. All of them
//! are stable (equal items keep their order) and O(n log n), like `slice::sort_by`.
//!
//! Collecting into a `BTreeMap` or `BTreeSet` sorts too, with a copy of the sort per key type: the app
//! extends an empty map instead, which inserts one pair at a time.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let mut order = vec![0; items.len()];
    sort_positions(&mut order, &mut |a, b| compare(&items[a], &items[b]));
    put_in_order(items, &mut order);
}

/// Sorts `items` by the key `key` gives each, keeping items with equal keys in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Fills `order` with the positions `0..order.len()` ordered by `compare`: where each item of the sorted list
/// now is. Not generic, so this is the one copy of the standard library's sort.
#[inline(never)]
fn sort_positions(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    for (i, o) in order.iter_mut().enumerate() {
        *o = i;
    }
    order.sort_by(|&a, &b| compare(a, b));
}

/// Moves `items[order[k]]` to position `k` for every `k`, following each cycle of the permutation with swaps.
fn put_in_order<T>(items: &mut [T], order: &mut [usize]) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_by_key_keeping_ties_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut w = vec!["b", "a", "c"];
        sort(&mut w);
        assert_eq!(w, ["a", "b", "c"]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }

    proptest! {
        /// The same order as the standard library's stable sort, ties included, for any list.
        #[test]
        fn orders_as_the_standard_stable_sort(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std_sorted = items.clone();
            std_sorted.sort_by_key(|p| p.0);
            prop_assert_eq!(&ours, &std_sorted);

            let mut reversed = items;
            sort_by(&mut reversed, |a, b| b.cmp(a));
            std_sorted.sort_by(|a, b| b.cmp(a));
            prop_assert_eq!(reversed, std_sorted);
        }
    }
}
