//! Counters for `GET /metrics` (Prometheus text format 0.0.4), kept in atomics: no lock
//! on the request path, and a fixed set of labels (routes by their pattern, statuses
//! from a fixed list) so that no client can grow them.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::server::Closed;

/// The routes, by pattern: the `route` label. The last one is everything else.
pub const ROUTES: [&str; 21] = [
    "/api/v1/treaties",
    "/api/v1/status",
    "/api/v1/states/{state}",
    "/api/v1/states/{state}/timeline",
    "/api/v1/changes",
    "/api/v1/histories",
    "/api/v1/deadlines",
    "/api/v1/exports/panel",
    "/api/v1/annotate",
    "/api/v1/openapi.json",
    "/",
    "/states/{state}",
    "/search",
    "/annotate",
    "/embed",
    "/map.svg",
    "/map.png",
    "/assets/{name}",
    "/healthz",
    "/metrics",
    "other",
];

/// The route label of a path.
pub fn route_of(path: &str) -> usize {
    let fixed = ROUTES[..ROUTES.len() - 1]
        .iter()
        .position(|r| !r.contains('{') && *r == path);
    if let Some(i) = fixed {
        return i;
    }
    let pos = |r: &str| {
        ROUTES
            .iter()
            .position(|x| *x == r)
            .unwrap_or(ROUTES.len() - 1)
    };
    if let Some(rest) = path.strip_prefix("/api/v1/states/") {
        return if rest.ends_with("/timeline") && rest.matches('/').count() == 1 {
            pos("/api/v1/states/{state}/timeline")
        } else if !rest.contains('/') {
            pos("/api/v1/states/{state}")
        } else {
            ROUTES.len() - 1
        };
    }
    if let Some(rest) = path.strip_prefix("/states/")
        && !rest.contains('/')
    {
        return pos("/states/{state}");
    }
    if let Some(rest) = path.strip_prefix("/assets/")
        && !rest.contains('/')
    {
        return pos("/assets/{name}");
    }
    ROUTES.len() - 1
}

/// The statuses counted apart; any other is counted as `other`.
const STATUSES: [u16; 18] = [
    200, 204, 303, 304, 308, 400, 404, 405, 408, 413, 414, 415, 431, 500, 503, 0, 0, 0,
];
const N_STATUS: usize = 16;

fn status_index(s: u16) -> usize {
    STATUSES[..N_STATUS - 1]
        .iter()
        .position(|x| *x == s)
        .unwrap_or(N_STATUS - 1)
}

/// Latency buckets, in seconds.
const BUCKETS: [f64; 14] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

const NR: usize = ROUTES.len();
const NB: usize = BUCKETS.len() + 1;

/// How a cached endpoint answered.
#[derive(Clone, Copy, Debug)]
pub enum CacheOutcome {
    /// 304 Not Modified from the ETag alone.
    NotModified,
    /// From the response cache.
    Hit,
    /// Rendered.
    Miss,
}

/// Every counter the server keeps.
pub struct Metrics {
    requests: [[AtomicU64; N_STATUS]; NR],
    latency: [[AtomicU64; NB]; NR],
    latency_sum_us: [AtomicU64; NR],
    bytes_sent: AtomicU64,
    cache: [AtomicU64; 3],
    conn_open: AtomicU64,
    conn_total: AtomicU64,
    conn_refused: AtomicU64,
    conn_closed: [AtomicU64; 3],
    accept_errors: AtomicU64,
    timeouts: AtomicU64,
}

#[allow(clippy::declare_interior_mutable_const)]
const ZERO: AtomicU64 = AtomicU64::new(0);

impl Default for Metrics {
    fn default() -> Self {
        Metrics {
            requests: [const { [ZERO; N_STATUS] }; NR],
            latency: [const { [ZERO; NB] }; NR],
            latency_sum_us: [ZERO; NR],
            bytes_sent: ZERO,
            cache: [ZERO; 3],
            conn_open: ZERO,
            conn_total: ZERO,
            conn_refused: ZERO,
            conn_closed: [ZERO; 3],
            accept_errors: ZERO,
            timeouts: ZERO,
        }
    }
}

fn inc(a: &AtomicU64) {
    a.fetch_add(1, Ordering::Relaxed);
}

fn get(a: &AtomicU64) -> u64 {
    a.load(Ordering::Relaxed)
}

impl Metrics {
    /// One request answered.
    pub fn request(&self, route: usize, status: u16, micros: u64, bytes: u64) {
        let route = route.min(NR - 1);
        inc(&self.requests[route][status_index(status)]);
        let secs = micros as f64 / 1e6;
        let b = BUCKETS
            .iter()
            .position(|b| secs <= *b)
            .unwrap_or(BUCKETS.len());
        inc(&self.latency[route][b]);
        self.latency_sum_us[route].fetch_add(micros, Ordering::Relaxed);
        self.bytes_sent.fetch_add(bytes, Ordering::Relaxed);
    }

    pub fn cache(&self, outcome: CacheOutcome) {
        inc(&self.cache[outcome as usize]);
    }

    pub fn timeout(&self) {
        inc(&self.timeouts);
    }

    pub fn opened(&self) {
        inc(&self.conn_open);
        inc(&self.conn_total);
    }

    pub fn closed_conn(&self) {
        self.conn_open.fetch_sub(1, Ordering::Relaxed);
    }

    pub fn closed(&self, why: Closed) {
        inc(&self.conn_closed[why as usize]);
    }

    pub fn refused(&self) {
        inc(&self.conn_refused);
    }

    pub fn accept_error(&self) {
        inc(&self.accept_errors);
    }

    /// Connections open now.
    pub fn open_connections(&self) -> u64 {
        get(&self.conn_open)
    }

    /// The exposition, with the queues' figures and the process's memory appended by
    /// the caller's `extra`.
    pub fn render(&self, extra: &str) -> String {
        let mut out = String::with_capacity(64 * 1024);
        out.push_str("# HELP treatywatch_requests_total Requests answered, by route pattern and status.\n# TYPE treatywatch_requests_total counter\n");
        for (r, route) in ROUTES.iter().enumerate() {
            for (s, status) in STATUSES[..N_STATUS].iter().enumerate() {
                let n = get(&self.requests[r][s]);
                if n == 0 {
                    continue;
                }
                let status = if s == N_STATUS - 1 {
                    "other".to_string()
                } else {
                    status.to_string()
                };
                let _ = writeln!(
                    out,
                    "treatywatch_requests_total{{route=\"{route}\",status=\"{status}\"}} {n}"
                );
            }
        }
        out.push_str("# HELP treatywatch_request_duration_seconds Time from the request's head to its response's head, by route pattern.\n# TYPE treatywatch_request_duration_seconds histogram\n");
        for (r, route) in ROUTES.iter().enumerate() {
            let counts: Vec<u64> = self.latency[r].iter().map(get).collect();
            let total: u64 = counts.iter().sum();
            if total == 0 {
                continue;
            }
            let mut cum = 0;
            for (i, b) in BUCKETS.iter().enumerate() {
                cum += counts[i];
                let _ = writeln!(
                    out,
                    "treatywatch_request_duration_seconds_bucket{{route=\"{route}\",le=\"{b}\"}} {cum}"
                );
            }
            let _ = writeln!(
                out,
                "treatywatch_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {total}"
            );
            let _ = writeln!(
                out,
                "treatywatch_request_duration_seconds_sum{{route=\"{route}\"}} {}",
                get(&self.latency_sum_us[r]) as f64 / 1e6
            );
            let _ = writeln!(
                out,
                "treatywatch_request_duration_seconds_count{{route=\"{route}\"}} {total}"
            );
        }
        let _ = writeln!(
            out,
            "# HELP treatywatch_response_bytes_total Body bytes sent (compressed when compressed).\n# TYPE treatywatch_response_bytes_total counter\ntreatywatch_response_bytes_total {}",
            get(&self.bytes_sent)
        );
        out.push_str("# HELP treatywatch_cache_requests_total Answers to cacheable requests: 304 from the ETag, hit, or rendered (miss).\n# TYPE treatywatch_cache_requests_total counter\n");
        for (i, name) in ["not_modified", "hit", "miss"].iter().enumerate() {
            let _ = writeln!(
                out,
                "treatywatch_cache_requests_total{{outcome=\"{name}\"}} {}",
                get(&self.cache[i])
            );
        }
        let answered: u64 = self.cache.iter().map(get).sum();
        let from_cache = get(&self.cache[0]) + get(&self.cache[1]);
        let _ = writeln!(
            out,
            "# HELP treatywatch_cache_hit_ratio Share of cacheable requests answered without rendering, since start.\n# TYPE treatywatch_cache_hit_ratio gauge\ntreatywatch_cache_hit_ratio {}",
            if answered == 0 {
                0.0
            } else {
                from_cache as f64 / answered as f64
            }
        );
        let _ = writeln!(
            out,
            "# HELP treatywatch_request_timeouts_total Requests answered 503 because they took longer than the request timeout.\n# TYPE treatywatch_request_timeouts_total counter\ntreatywatch_request_timeouts_total {}",
            get(&self.timeouts)
        );
        let _ = writeln!(
            out,
            "# HELP treatywatch_connections_open Connections open now.\n# TYPE treatywatch_connections_open gauge\ntreatywatch_connections_open {}",
            get(&self.conn_open)
        );
        let _ = writeln!(
            out,
            "# HELP treatywatch_connections_total Connections accepted.\n# TYPE treatywatch_connections_total counter\ntreatywatch_connections_total {}",
            get(&self.conn_total)
        );
        let _ = writeln!(
            out,
            "# HELP treatywatch_connections_refused_total Connections answered 503 and closed at once because the connection limit was reached.\n# TYPE treatywatch_connections_refused_total counter\ntreatywatch_connections_refused_total {}",
            get(&self.conn_refused)
        );
        out.push_str("# HELP treatywatch_connections_closed_total Connections the server closed, by reason.\n# TYPE treatywatch_connections_closed_total counter\n");
        for (i, name) in ["header_timeout", "idle_timeout", "write_timeout"]
            .iter()
            .enumerate()
        {
            let _ = writeln!(
                out,
                "treatywatch_connections_closed_total{{reason=\"{name}\"}} {}",
                get(&self.conn_closed[i])
            );
        }
        let _ = writeln!(
            out,
            "# HELP treatywatch_accept_errors_total Failed accepts (such as running out of file descriptors).\n# TYPE treatywatch_accept_errors_total counter\ntreatywatch_accept_errors_total {}",
            get(&self.accept_errors)
        );
        out.push_str(extra);
        out
    }
}

/// The process's resident memory in bytes (Linux), for the metrics and the hardening
/// test.
pub fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    // SAFETY: sysconf has no preconditions.
    #[cfg(unix)]
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) }.max(4096) as u64;
    #[cfg(not(unix))]
    let page = 4096;
    Some(pages * page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_by_pattern() {
        let name = |p: &str| ROUTES[route_of(p)];
        assert_eq!(name("/api/v1/status"), "/api/v1/status");
        assert_eq!(name("/api/v1/states/FIN"), "/api/v1/states/{state}");
        assert_eq!(
            name("/api/v1/states/FIN/timeline"),
            "/api/v1/states/{state}/timeline"
        );
        assert_eq!(name("/api/v1/states/FIN/x/timeline"), "other");
        assert_eq!(name("/states/finland"), "/states/{state}");
        assert_eq!(name("/assets/app.js"), "/assets/{name}");
        assert_eq!(name("/"), "/");
        assert_eq!(name("/wp-admin"), "other");
    }

    #[test]
    fn exposition_is_well_formed() {
        let m = Metrics::default();
        m.request(route_of("/api/v1/status"), 200, 300, 1000);
        m.request(route_of("/nope"), 418, 2_000_000, 10);
        m.cache(CacheOutcome::Hit);
        let text = m.render("");
        assert!(
            text.contains("treatywatch_requests_total{route=\"/api/v1/status\",status=\"200\"} 1")
        );
        assert!(text.contains("treatywatch_requests_total{route=\"other\",status=\"other\"} 1"));
        assert!(text.contains(
            "treatywatch_request_duration_seconds_bucket{route=\"/api/v1/status\",le=\"0.0005\"} 1"
        ));
        assert!(text.contains("treatywatch_cache_hit_ratio 1"));
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let value = line.rsplit(' ').next().unwrap();
            assert!(value.parse::<f64>().is_ok(), "{line}");
        }
    }
}
