//! Bounded queues for the work that is not answered from the cache. Each kind of work
//! has its own queue, so that a flood of one kind cannot hold up the others:
//!
//! | queue | work | runs at once | may wait |
//! |---|---|---|---|
//! | `documents` | uncached documents and pages, state names not matched exactly, the map image | 1 | 64 |
//! | `downloads` | panel downloads | 1 | 4 |
//! | `articles` | article checks, from reading the body to the answer | 1 | 4 |
//!
//! A request that finds its queue full, or waits longer than the queue's wait limit, is
//! answered `503` with `Retry-After` at once ("shed"), without its work starting. Work
//! runs on the blocking pool while holding its queue's permit, so the number of renders
//! running is bounded even when the request that asked for one has timed out; work still
//! waiting when its request gives up never starts.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use axum::http::StatusCode;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::ApiError;

/// One bounded queue.
pub struct Queue {
    pub name: &'static str,
    permits: Arc<Semaphore>,
    /// How many may run at once.
    pub workers: usize,
    /// How many may wait for a worker.
    pub depth: usize,
    /// How long one may wait before it is shed.
    pub max_wait: Duration,
    waiting: AtomicUsize,
    shed: AtomicU64,
    done: AtomicU64,
}

/// A place in a queue's workers: held while the work runs.
pub struct Slot {
    _permit: OwnedSemaphorePermit,
}

impl Queue {
    pub fn new(name: &'static str, workers: usize, depth: usize, max_wait: Duration) -> Queue {
        Queue {
            name,
            permits: Arc::new(Semaphore::new(workers.max(1))),
            workers: workers.max(1),
            depth,
            max_wait,
            waiting: AtomicUsize::new(0),
            shed: AtomicU64::new(0),
            done: AtomicU64::new(0),
        }
    }

    /// 503 with the queue's name: the caller adds `Retry-After`.
    fn overloaded(&self, why: &str) -> ApiError {
        self.shed.fetch_add(1, Ordering::Relaxed);
        let mut e = ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "overloaded",
            format!(
                "the server is busy with other {} ({why}); this request was not started",
                self.name
            ),
            "try again in a few seconds",
        );
        e.retry_after = Some(self.retry_after());
        e
    }

    /// Seconds a shed client should wait: the wait limit, at least one.
    fn retry_after(&self) -> u64 {
        self.max_wait.as_secs().max(1)
    }

    /// Waits for a worker, or sheds the request when the queue is full or the wait is
    /// too long.
    pub async fn enter(&self) -> Result<Slot, ApiError> {
        if let Ok(p) = Arc::clone(&self.permits).try_acquire_owned() {
            return Ok(Slot { _permit: p });
        }
        struct Waiting<'a>(&'a AtomicUsize);
        impl Drop for Waiting<'_> {
            fn drop(&mut self) {
                self.0.fetch_sub(1, Ordering::AcqRel);
            }
        }
        if self.waiting.fetch_add(1, Ordering::AcqRel) >= self.depth {
            self.waiting.fetch_sub(1, Ordering::AcqRel);
            return Err(self.overloaded("its queue is full"));
        }
        let _waiting = Waiting(&self.waiting);
        match tokio::time::timeout(self.max_wait, Arc::clone(&self.permits).acquire_owned()).await {
            Ok(Ok(p)) => Ok(Slot { _permit: p }),
            Ok(Err(_)) => Err(self.overloaded("it is shutting down")),
            Err(_) => Err(self.overloaded("the wait was too long")),
        }
    }

    /// Runs `f` on the blocking pool holding `slot`. If the future is dropped (the
    /// request timed out) before the work starts, the work never starts; once started,
    /// it finishes (every piece of work is bounded) and the slot is freed only then.
    pub async fn run<R, F>(&self, slot: Slot, f: F) -> Result<R, ApiError>
    where
        R: Send + 'static,
        F: FnOnce() -> Result<R, ApiError> + Send + 'static,
    {
        struct Abandon(Arc<AtomicBool>);
        impl Drop for Abandon {
            fn drop(&mut self) {
                self.0.store(true, Ordering::Release);
            }
        }
        let abandoned = Arc::new(AtomicBool::new(false));
        let _guard = Abandon(Arc::clone(&abandoned));
        let handle = tokio::task::spawn_blocking(move || {
            let _slot = slot;
            if abandoned.load(Ordering::Acquire) {
                return Err(ApiError::for_status(StatusCode::SERVICE_UNAVAILABLE));
            }
            f()
        });
        let r = match handle.await {
            Ok(r) => r,
            Err(e) => Err(ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "error",
                format!("the work failed: {e}"),
                "report this as a bug",
            )),
        };
        self.done.fetch_add(1, Ordering::Relaxed);
        r
    }

    /// Waits for a worker, then runs `f` on the blocking pool.
    pub async fn call<R, F>(&self, f: F) -> Result<R, ApiError>
    where
        R: Send + 'static,
        F: FnOnce() -> Result<R, ApiError> + Send + 'static,
    {
        let slot = self.enter().await?;
        self.run(slot, f).await
    }

    /// Work running now.
    pub fn running(&self) -> usize {
        self.workers - self.permits.available_permits().min(self.workers)
    }

    /// Requests waiting for a worker now.
    pub fn waiting(&self) -> usize {
        self.waiting.load(Ordering::Acquire)
    }

    /// Requests shed since start.
    pub fn shed(&self) -> u64 {
        self.shed.load(Ordering::Relaxed)
    }

    /// Pieces of work finished since start.
    pub fn done(&self) -> u64 {
        self.done.load(Ordering::Relaxed)
    }
}

/// The three queues.
pub struct Queues {
    pub documents: Queue,
    pub downloads: Queue,
    pub articles: Queue,
}

impl Queues {
    pub fn new() -> Queues {
        Queues::with(1, Duration::from_secs(5))
    }

    /// Queues with `workers` each and a wait limit of `max_wait` (tests running many
    /// requests at once on a slow debug build use more of both).
    pub fn with(workers: usize, max_wait: Duration) -> Queues {
        Queues {
            documents: Queue::new("documents", workers, 64, max_wait),
            downloads: Queue::new("downloads", workers, 4, max_wait),
            articles: Queue::new("articles", workers, 4, max_wait),
        }
    }

    pub fn all(&self) -> [&Queue; 3] {
        [&self.documents, &self.downloads, &self.articles]
    }

    /// The queues' figures in the Prometheus text format.
    pub fn exposition(&self) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        type Series = (&'static str, &'static str, &'static str, fn(&Queue) -> u64);
        let series: [Series; 5] = [
            (
                "treatywatch_queue_running",
                "gauge",
                "Work running now, by queue.",
                |q| q.running() as u64,
            ),
            (
                "treatywatch_queue_waiting",
                "gauge",
                "Requests waiting for a worker now, by queue (the queue's depth).",
                |q| q.waiting() as u64,
            ),
            (
                "treatywatch_queue_capacity",
                "gauge",
                "How many requests may wait, by queue.",
                |q| q.depth as u64,
            ),
            (
                "treatywatch_shed_total",
                "counter",
                "Requests answered 503 with Retry-After without starting their work, by queue.",
                |q| q.shed(),
            ),
            (
                "treatywatch_queue_done_total",
                "counter",
                "Pieces of work finished, by queue.",
                |q| q.done(),
            ),
        ];
        for (name, kind, help, f) in series {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
            for q in self.all() {
                let _ = writeln!(out, "{name}{{queue=\"{}\"}} {}", q.name, f(q));
            }
        }
        out
    }
}

impl Default for Queues {
    fn default() -> Self {
        Queues::new()
    }
}
