//! The access log's writer: lines go into one shared buffer, written to standard error
//! in large pieces, when the buffer passes [`FLUSH_BYTES`] and at least every
//! [`FLUSH_EVERY`]. A request never waits for a write to a terminal or a file, and no
//! thread is woken per line. A crash may lose the last fraction of a second of lines.

use std::io::Write;
use std::sync::Mutex;
use std::time::Duration;

/// Write the buffer out once it holds this much.
pub const FLUSH_BYTES: usize = 32 * 1024;
/// Write the buffer out at least this often.
pub const FLUSH_EVERY: Duration = Duration::from_millis(200);

static BUFFER: Mutex<Vec<u8>> = Mutex::new(Vec::new());

/// Writes whatever is buffered to standard error.
pub fn flush() {
    let mut buf = BUFFER.lock().unwrap_or_else(|e| e.into_inner());
    if !buf.is_empty() {
        // Nowhere to report a failed log write; the server goes on.
        let _ = std::io::stderr().write_all(&buf);
        buf.clear();
    }
}

/// A handle that appends to the shared buffer (tracing-subscriber's `MakeWriter`).
pub struct Writer;

impl Write for Writer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let mut buf = BUFFER.lock().unwrap_or_else(|e| e.into_inner());
        buf.extend_from_slice(bytes);
        if buf.len() >= FLUSH_BYTES {
            let _ = std::io::stderr().write_all(&buf);
            buf.clear();
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Flushes every [`FLUSH_EVERY`], for as long as the runtime runs.
pub async fn flush_periodically() {
    let mut tick = tokio::time::interval(FLUSH_EVERY);
    loop {
        tick.tick().await;
        flush();
    }
}

/// Appends one line (a JSON access log entry) to the buffer.
pub fn line(text: &str) {
    let mut buf = BUFFER.lock().unwrap_or_else(|e| e.into_inner());
    buf.extend_from_slice(text.as_bytes());
    buf.push(b'\n');
    if buf.len() >= FLUSH_BYTES {
        let _ = std::io::stderr().write_all(&buf);
        buf.clear();
    }
}
