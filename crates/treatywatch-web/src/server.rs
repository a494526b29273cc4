//! The connection layer: accepting sockets, HTTP/1.1 through hyper, and the limits that
//! keep a hostile or broken client from holding the server's memory, file descriptors
//! or shutdown hostage.
//!
//! * **At most [`Limits::max_connections`] connections.** One more is accepted, answered
//!   `503` with `Retry-After` and closed, so that it is told rather than left waiting in
//!   the kernel's queue; the accept loop never spins on a full descriptor table.
//! * **Header timeout.** A client has [`Limits::header_timeout`] from its first byte to
//!   the end of its request's head (slow-header clients, "slowloris"); a new connection
//!   has it from the accept, so one that sends nothing is closed as soon.
//! * **Idle timeout.** A kept-alive connection with no request in flight is closed after
//!   [`Limits::idle_timeout`].
//! * **Write timeout.** A response the client does not read for [`Limits::write_timeout`]
//!   (the socket's buffer stays full) closes the connection and frees the response.
//! * **Shutdown deadline.** On shutdown the listener closes at once, idle connections
//!   close, requests in flight may finish for [`Limits::shutdown_timeout`]; then every
//!   connection left is closed.
//!
//! The per-connection state ([`Phase`]) is kept in one atomic shared by the socket
//! wrapper ([`TimedIo`]), the service (which marks a request in flight) and a watchdog
//! that closes the connection when its phase has lasted too long.

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll, ready};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio::time::Sleep;
use tower::ServiceExt;

use crate::metrics::Metrics;

/// The connection limits and timeouts of [`serve_with`].
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// The most connections open at once; one more is answered 503 and closed.
    pub max_connections: usize,
    /// From a request's first byte to the end of its head.
    pub header_timeout: Duration,
    /// A kept-alive connection with no request in flight.
    pub idle_timeout: Duration,
    /// A response that makes no progress because the client does not read.
    pub write_timeout: Duration,
    /// After the shutdown signal, how long requests in flight may run before every
    /// connection left is closed.
    pub shutdown_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_connections: 1024,
            header_timeout: Duration::from_secs(5),
            idle_timeout: Duration::from_secs(60),
            write_timeout: Duration::from_secs(10),
            shutdown_timeout: Duration::from_secs(5),
        }
    }
}

/// What a connection is doing, with the time it started (milliseconds since the
/// server's epoch), packed in one atomic: the phase in the low 2 bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// No request in flight, nothing read of the next one.
    Idle = 0,
    /// Some bytes of a request's head have arrived.
    Head = 1,
    /// A request is being answered (its handler runs under the request timeout).
    Busy = 2,
}

struct ConnState {
    word: AtomicU64,
    epoch: Instant,
}

impl ConnState {
    fn new(epoch: Instant) -> ConnState {
        let s = ConnState {
            word: AtomicU64::new(0),
            epoch,
        };
        s.set(Phase::Idle);
        s
    }

    fn now_ms(&self) -> u64 {
        self.epoch.elapsed().as_millis() as u64
    }

    fn set(&self, phase: Phase) {
        self.word
            .store((self.now_ms() << 2) | phase as u64, Ordering::Release);
    }

    fn get(&self) -> (Phase, u64) {
        let w = self.word.load(Ordering::Acquire);
        let phase = match w & 3 {
            0 => Phase::Idle,
            1 => Phase::Head,
            _ => Phase::Busy,
        };
        (phase, w >> 2)
    }

    /// Bytes arrived: an idle connection starts reading a head.
    fn bytes_read(&self) {
        let w = self.word.load(Ordering::Relaxed);
        if w & 3 == Phase::Idle as u64 {
            let next = (self.now_ms() << 2) | Phase::Head as u64;
            let _ = self
                .word
                .compare_exchange(w, next, Ordering::AcqRel, Ordering::Relaxed);
        }
    }
}

/// Why a connection was closed by the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Closed {
    HeaderTimeout,
    IdleTimeout,
    WriteTimeout,
}

/// Resolves when the connection has spent too long in its phase.
async fn watchdog(state: Arc<ConnState>, limits: Limits) -> Closed {
    loop {
        let (phase, since) = state.get();
        let limit = match phase {
            Phase::Idle => Some((limits.idle_timeout, Closed::IdleTimeout)),
            Phase::Head => Some((limits.header_timeout, Closed::HeaderTimeout)),
            Phase::Busy => None,
        };
        let now = state.now_ms();
        let wait = match limit {
            Some((limit, why)) => {
                let deadline = since + limit.as_millis() as u64;
                if now >= deadline {
                    return why;
                }
                Duration::from_millis((deadline - now).min(1000))
            }
            None => Duration::from_secs(1),
        };
        tokio::time::sleep(wait).await;
    }
}

/// A socket that reports bytes read to its [`ConnState`] and fails a write that makes
/// no progress for the write timeout.
struct TimedIo {
    inner: TcpStream,
    state: Arc<ConnState>,
    write_timeout: Duration,
    write_stall: Option<Pin<Box<Sleep>>>,
    metrics: Arc<Metrics>,
}

impl TimedIo {
    /// Called when a write could not proceed: fails once it has waited too long.
    fn poll_stall(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<usize>> {
        let timeout = self.write_timeout;
        let sleep = self
            .write_stall
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(timeout)));
        match sleep.as_mut().poll(cx) {
            Poll::Ready(()) => {
                self.metrics.closed(Closed::WriteTimeout);
                Poll::Ready(Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "the client did not read the response",
                )))
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

impl AsyncRead for TimedIo {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let r = ready!(Pin::new(&mut self.inner).poll_read(cx, buf));
        if buf.filled().len() > before {
            self.state.bytes_read();
        }
        Poll::Ready(r)
    }
}

impl AsyncWrite for TimedIo {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match Pin::new(&mut self.inner).poll_write(cx, buf) {
            Poll::Ready(r) => {
                self.write_stall = None;
                Poll::Ready(r)
            }
            Poll::Pending => self.poll_stall(cx),
        }
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        match Pin::new(&mut self.inner).poll_write_vectored(cx, bufs) {
            Poll::Ready(r) => {
                self.write_stall = None;
                Poll::Ready(r)
            }
            Poll::Pending => self.poll_stall(cx),
        }
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// The answer to a connection over the limit, written without waiting and closed.
const OVER_LIMIT: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\n\
retry-after: 2\r\ncache-control: no-store\r\nconnection: close\r\ncontent-length: 117\r\n\r\n\
{\"error\":\"overloaded\",\"message\":\"the server has as many connections as it takes\",\"hint\":\"try again in a few seconds\"}";

/// Serves `router` on `listener` with `limits` until `shutdown` resolves; then closes
/// the listener, lets requests in flight finish for the shutdown timeout, closes every
/// connection left and returns.
pub async fn serve_with(
    listener: TcpListener,
    router: Router,
    metrics: Arc<Metrics>,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    let epoch = Instant::now();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        // The watchdog times heads and idle connections; hyper's own timer would start
        // at once on an idle kept-alive connection and close it at the header timeout.
        .header_read_timeout(None)
        .keep_alive(true)
        .max_buf_size(64 * 1024)
        .max_headers(100);
    let http = Arc::new(http);
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut conns: JoinSet<()> = JoinSet::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            biased;
            () = &mut shutdown => break,
            Some(_) = conns.join_next(), if !conns.is_empty() => continue,
            a = listener.accept() => a,
        };
        let (stream, peer) = match accepted {
            Ok(a) => a,
            Err(e) => {
                // Out of descriptors or a connection reset before accept: wait a little
                // rather than spin, as axum::serve does.
                metrics.accept_error();
                tracing::warn!("accept failed: {e}");
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let Ok(slot) = Arc::clone(&slots).try_acquire_owned() else {
            metrics.refused();
            let _ = stream.try_write(OVER_LIMIT);
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let state = Arc::new(ConnState::new(epoch));
        // A new connection has the header timeout for its first request, counted from
        // the accept: one that sends nothing does not hold a place for the idle timeout.
        state.set(Phase::Head);
        let io = TimedIo {
            inner: stream,
            state: Arc::clone(&state),
            write_timeout: limits.write_timeout,
            write_stall: None,
            metrics: Arc::clone(&metrics),
        };
        let svc_state = Arc::clone(&state);
        let router = router.clone();
        let service = hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
            svc_state.set(Phase::Busy);
            req.extensions_mut().insert(ConnectInfo(peer));
            let done = Arc::clone(&svc_state);
            let fut = router.clone().oneshot(req.map(Body::new));
            async move {
                let r = fut.await;
                // The response is written from here on; the write timeout governs it.
                done.set(Phase::Idle);
                r
            }
        });
        let conn = http.serve_connection(TokioIo::new(io), service);
        let conn = graceful.watch(conn);
        let metrics = Arc::clone(&metrics);
        metrics.opened();
        conns.spawn(async move {
            let _slot = slot;
            tokio::select! {
                _ = conn => {}
                why = watchdog(state, limits) => metrics.closed(why),
            }
            metrics.closed_conn();
        });
    }
    drop(listener);
    let open = graceful.count();
    tracing::info!("shutting down: {open} connections open");
    let finished = tokio::time::timeout(limits.shutdown_timeout, graceful.shutdown()).await;
    if finished.is_err() {
        tracing::warn!(
            "shutdown: connections still open after {:?}, closing them",
            limits.shutdown_timeout
        );
    }
    conns.shutdown().await;
    Ok(())
}

/// A listener on `addr` with a long accept queue (4096), so that a burst of connections
/// waits in the kernel for the accept loop (which answers those over the limit at once)
/// rather than being dropped and retried seconds later.
pub fn listen(addr: SocketAddr) -> io::Result<TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(4096)
}

/// Raises the soft limit on open files to the hard limit, so that the connection limit,
/// not the descriptor table, is what refuses clients. Returns the limit in force.
pub fn raise_file_limit() -> Option<u64> {
    #[cfg(unix)]
    {
        // SAFETY: getrlimit and setrlimit only read and write the struct passed in.
        unsafe {
            let mut lim = libc::rlimit {
                rlim_cur: 0,
                rlim_max: 0,
            };
            if libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) != 0 {
                return None;
            }
            if lim.rlim_cur < lim.rlim_max {
                let raised = libc::rlimit {
                    rlim_cur: lim.rlim_max,
                    rlim_max: lim.rlim_max,
                };
                if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                    lim.rlim_cur = lim.rlim_max;
                }
            }
            #[allow(clippy::unnecessary_cast)] // rlim_t is not u64 everywhere
            Some(lim.rlim_cur as u64)
        }
    }
    #[cfg(not(unix))]
    {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::OVER_LIMIT;

    #[test]
    fn the_over_limit_answer_declares_its_length() {
        let text = std::str::from_utf8(OVER_LIMIT).unwrap();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        let declared: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length: "))
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(declared, body.len());
        assert!(serde_json::from_str::<serde_json::Value>(body).is_ok());
    }
}
