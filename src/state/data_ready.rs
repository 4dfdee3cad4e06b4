//! Two one-way latches: `want` (someone needs the start-up data) and `mark` (it is in). Pending until
//! opened, then open for good.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
use std::thread::LocalKey;

/// `None` once open; until then the tasks waiting for it.
type Latch = RefCell<Option<Vec<Waker>>>;

thread_local! {
    static WANTED: Latch = const { RefCell::new(Some(Vec::new())) };
    static READY: Latch = const { RefCell::new(Some(Vec::new())) };
}

fn open(latch: &'static LocalKey<Latch>) {
    let waiting = latch.with(|w| w.borrow_mut().take());
    for waker in waiting.into_iter().flatten() {
        waker.wake();
    }
}

pub fn want() {
    open(&WANTED);
}

pub fn mark() {
    open(&READY);
}

pub fn wanted() -> impl Future<Output = ()> {
    Wait(&WANTED)
}

pub fn ready() -> impl Future<Output = ()> {
    Wait(&READY)
}

struct Wait(&'static LocalKey<Latch>);

impl Future for Wait {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        self.0.with(|w| match w.borrow_mut().as_mut() {
            None => Poll::Ready(()),
            Some(waiting) => {
                waiting.push(cx.waker().clone());
                Poll::Pending
            }
        })
    }
}
