"""The hardening test: the attacks of issue 12, on loopback, against a running release
server, each bounded in time and count.

    python3 bench/harden.py BINARY [--port 18282] [--out DIR]

Starts BINARY serve on 127.0.0.1:PORT with a short idle timeout, then runs each attack
while a client on a kept-alive connection asks for the cached status document without
pause, and a sampler reads the server's resident memory every 50 ms. Fails (exit 1) if
the server's memory passes 500 MB, the cached request's median passes 50 ms during any
attack, a slow-header client is still connected after the header timeout, a client
that does not read is still connected after the write timeout, or SIGTERM takes over
10 s (with a slow client connected). Prints one line per check and "N passed, M
failed"; writes the figures to DIR/harden.json.

Traffic goes to 127.0.0.1 only; every loop is bounded by a count and a deadline.
"""

import argparse
import atexit
import http.client
import json
import os
import random
import resource
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

ap = argparse.ArgumentParser()
ap.add_argument("binary")
ap.add_argument("--port", type=int, default=18282)
ap.add_argument("--out", default="tests-output/harden")
args = ap.parse_args()
os.makedirs(args.out, exist_ok=True)

HOST = "127.0.0.1"
PORT = args.port
HEADER_TIMEOUT = 5  # the server's default
WRITE_TIMEOUT = 10  # the server's default
IDLE_TIMEOUT = 8  # shortened for the test
CACHED = "/api/v1/status?treaty=apmbc&on=2026-03-01"
MEMORY_LIMIT = 500 * 1024 * 1024
MEDIAN_LIMIT_MS = 50.0

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

passed = failed = 0
figures = {}


def check(what, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {what} {detail}".rstrip(), flush=True)
    else:
        failed += 1
        print(f"FAIL {what} {detail}".rstrip(), flush=True)


log = open(os.path.join(args.out, "server.log"), "wb")
server = subprocess.Popen(
    [args.binary, "serve", "--addr", f"{HOST}:{PORT}", "--idle-timeout", str(IDLE_TIMEOUT), "--access-log", "off"],
    stderr=log,
)


@atexit.register
def _stop_server():
    if server.poll() is None:
        server.kill()



def get(path, headers=None, timeout=10.0):
    c = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
    try:
        c.request("GET", path, headers=headers or {})
        r = c.getresponse()
        return r.status, r.headers, r.read()
    finally:
        c.close()


for _ in range(100):
    if server.poll() is not None:
        print(f"FAIL the server exited at start (is port {PORT} taken?)")
        sys.exit(1)
    try:
        if get("/healthz")[0] == 200:
            break
    except OSError:
        time.sleep(0.1)
else:
    print("FAIL the server did not start")
    sys.exit(1)
get(CACHED, {"Accept-Encoding": "gzip"})


def rss():
    try:
        with open(f"/proc/{server.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


# --- the memory sampler and the cached client ---------------------------------------
stop = threading.Event()
peak = [0]


def sampler():
    while not stop.is_set():
        peak[0] = max(peak[0], rss())
        time.sleep(0.05)


samples = []  # (time, ms, ok)


def cached_client():
    conn = None
    while not stop.is_set():
        t0 = time.perf_counter()
        ok = False
        try:
            if conn is None:
                conn = http.client.HTTPConnection(HOST, PORT, timeout=15)
            conn.request("GET", CACHED, headers={"Accept-Encoding": "gzip"})
            r = conn.getresponse()
            r.read()
            ok = r.status == 200
        except OSError:
            conn = None
        samples.append((time.monotonic(), (time.perf_counter() - t0) * 1000, ok))
        time.sleep(0.005)


threading.Thread(target=sampler, daemon=True).start()
threading.Thread(target=cached_client, daemon=True).start()


def phase(name, fn):
    """Runs one attack; checks memory and the cached request's median during it."""
    peak[0] = rss()
    start = time.monotonic()
    detail = fn() or {}
    end = time.monotonic()
    during = [ms for (t, ms, _) in samples if start <= t <= end]
    errors = sum(1 for (t, _, ok) in samples if start <= t <= end and not ok)
    median = statistics.median(during) if during else float("inf")
    p99 = sorted(during)[int(len(during) * 0.99)] if during else float("inf")
    figures[name] = {
        "seconds": round(end - start, 1),
        "peak_rss_mb": round(peak[0] / 2**20, 1),
        "cached_median_ms": round(median, 2),
        "cached_p99_ms": round(p99, 2),
        "cached_requests": len(during),
        "cached_errors": errors,
        **detail,
    }
    f = figures[name]
    print(f"     {name}: {json.dumps(f)}", flush=True)
    check(f"{name}: memory under 500 MB", peak[0] < MEMORY_LIMIT, f"(peak {f['peak_rss_mb']} MB)")
    check(f"{name}: cached median under 50 ms", median < MEDIAN_LIMIT_MS, f"({f['cached_median_ms']} ms, {len(during)} requests, {errors} errors)")


def many(n, fn, seconds=20):
    """Runs fn(i) in n threads; waits at most `seconds`."""
    out = [None] * n

    def run(i):
        try:
            out[i] = fn(i)
        except Exception as e:  # noqa: BLE001 - an attack's failure is its result
            out[i] = e

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(n)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + seconds
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()))
    return out


def statuses(results):
    counts = {}
    for r in results:
        key = r[0] if isinstance(r, tuple) else type(r).__name__
        counts[str(key)] = counts.get(str(key), 0) + 1
    return counts


# --- 1. windows and dates beyond the limits ------------------------------------------
def huge_windows():
    urls = ["/api/v1/deadlines?to=9999-12-31"] * 6 + [
        "/api/v1/deadlines?on=9999-01-01",
        "/api/v1/deadlines?from=1900-01-01&to=2099-12-31",
        "/api/v1/deadlines?overdue=true&on=2099-12-31",
        "/api/v1/deadlines?on=2099-01-01",
        "/api/v1/changes?from=1900-01-01&to=2099-12-31",
    ]
    t0 = time.monotonic()
    res = many(len(urls), lambda i: get(urls[i])[:1])
    took = time.monotonic() - t0
    got = [r[0] if isinstance(r, tuple) else str(r) for r in res]
    check("a window past 2099 is a 400", all(g == 400 for g in got[:7]), str(got[:7]))
    check("the widest allowed windows are answered or refused within 10 s", all(isinstance(g, int) and g in (200, 400) for g in got) and took < 10, f"{got[7:]} in {took:.1f} s")
    return {"statuses": got, "seconds_all": round(took, 2)}


phase("deadlines far in the future", huge_windows)


# --- 2. distinct uncached documents piling up ---------------------------------------------
def render_flood():
    days = random.sample(range(1, 28), 27)

    def one(i):
        y = 1997 + (i % 29)
        d = days[i % 27]
        m = 1 + (i * 7) % 12
        return get(f"/api/v1/deadlines?from={y}-01-01&to={y + 20}-{m:02d}-{d:02d}&on={y + 1}-{m:02d}-{d:02d}", timeout=15)[:1]

    res = many(300, one, seconds=25)
    running = 0
    for line in get("/metrics")[2].decode().splitlines():
        if line.startswith('treatywatch_queue_running{queue="documents"}'):
            running = int(line.split()[-1])
    st = statuses(res)
    check("a flood of uncached documents is answered or shed with 503", set(st) <= {"200", "400", "503"}, str(st))
    return {"statuses": st}


phase("300 distinct uncached documents", render_flood)


# --- 3. large article posts at once ------------------------------------------------------------
def article_flood():
    size = 6 * 1024 * 1024
    chunk = b"Finland joined the Ottawa Convention in 2011. " * 1400  # ~64 KiB

    def one(i):
        s = socket.create_connection((HOST, PORT), timeout=20)
        try:
            s.sendall(
                b"POST /api/v1/annotate HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                + f"Content-Length: {size}\r\n\r\n".encode()
            )
            sent = 0
            while sent < size:
                n = min(len(chunk), size - sent)
                s.sendall(chunk[:n])
                sent += n
        except OSError:
            pass  # refused before the body was sent: the answer is waiting
        try:
            data = s.recv(200)
            return (int(data.split(b" ")[1]) if data.startswith(b"HTTP/1.1") else "no answer",)
        except OSError as e:
            return (type(e).__name__,)
        finally:
            s.close()

    res = many(250, one, seconds=40)
    st = statuses(res)
    # 6 MiB is more than the 2 MiB of text an article may have: 413 for those read, 503
    # (before reading) for those the queue had no place for.
    check("article posts are answered 413 or shed with 503 before their bodies are read", set(st) <= {"413", "503", "ConnectionResetError"} and st.get("503", 0) > 100, str(st))
    # Articles of 1.9 MiB, which are checked (about a second each).
    text = (b"Helsinki, 10 July 2025. Finland joined the Ottawa Convention in 2011. " * 28000)[: 1900 * 1024]

    def check_one(i):
        s = socket.create_connection((HOST, PORT), timeout=30)
        try:
            s.sendall(
                b"POST /api/v1/annotate?date=2025-07-10 HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                + f"Content-Length: {len(text)}\r\n\r\n".encode()
            )
            s.sendall(text)
        except OSError:
            pass  # shed before the body was read: the 503 is waiting
        try:
            data = s.recv(200)
            return (int(data.split(b" ")[1]) if data.startswith(b"HTTP/1.1") else "no answer",)
        except OSError as e:
            return (type(e).__name__,)
        finally:
            s.close()

    checked = statuses(many(20, check_one, seconds=40))
    check("article checks are answered or shed with 503", set(checked) <= {"200", "503"} and "200" in checked, str(checked))
    return {"statuses": st, "checks_of_1_9_mib": checked}


phase("250 article posts of 6 MiB", article_flood)


# --- 4. clients that do not read large answers -----------------------------------------------
def non_readers():
    socks = []
    for i in range(16):
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        s.connect((HOST, PORT))
        y = 1990 + i
        s.sendall(f"GET /api/v1/exports/panel?treaty=apmbc,ccm&from={y}&to=2026&format=sqlite HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        socks.append(s)
    time.sleep(WRITE_TIMEOUT + 6)
    closed = 0
    for s in socks:
        s.setblocking(False)
        try:
            # Drain what the kernel holds; a closed connection ends in EOF or a reset.
            while True:
                d = s.recv(1 << 20)
                if not d:
                    closed += 1
                    break
        except BlockingIOError:
            pass
        except OSError:
            closed += 1
        s.close()
    check("clients that do not read are closed after the write timeout", closed == 16, f"({closed} of 16 closed)")
    return {"closed": closed}


phase("16 clients that do not read", non_readers)


# --- 5. slow headers and idle connections ---------------------------------------------------
def slow_and_idle():
    slow, idle = [], []
    for i in range(600):
        s = socket.socket()
        s.setblocking(False)
        s.connect_ex((HOST, PORT))
        slow.append(s)
    for i in range(2000):
        s = socket.socket()
        s.setblocking(False)
        s.connect_ex((HOST, PORT))
        idle.append(s)
    time.sleep(0.5)
    for s in slow:
        try:
            s.send(b"GET /api/v1/status HTTP/1.1\r\n")
        except OSError:
            pass
    # Trickle a header byte every half second past the header timeout.
    t0 = time.monotonic()
    while time.monotonic() - t0 < HEADER_TIMEOUT + 3:
        for s in slow:
            try:
                s.send(b"X")
            except OSError:
                pass
        time.sleep(0.5)
    fresh = [get(CACHED)[0] if True else None for _ in range(5)]

    def still_open(group):
        n = 0
        for s in group:
            try:
                d = s.recv(4096)
                if d and b"503" in d[:20]:
                    continue  # refused at once, over the connection limit
                if d == b"":
                    continue
                n += 1
            except BlockingIOError:
                n += 1
            except OSError:
                pass
        return n

    open_slow = still_open(slow)
    check("slow-header clients are closed after the header timeout", open_slow == 0, f"({open_slow} of 600 still connected {HEADER_TIMEOUT + 3} s after their first byte)")

    def server_open():
        for line in get("/metrics")[2].decode().splitlines():
            if line.startswith("treatywatch_connections_open "):
                return int(line.split()[-1])
        return -1

    # The server's own count: the idle ones it accepted are closed after the idle
    # timeout (those over the connection limit were answered 503 at once).
    deadline = time.monotonic() + IDLE_TIMEOUT + 10
    held = server_open()
    while held > 2 and time.monotonic() < deadline:
        time.sleep(0.5)
        held = server_open()
    check("idle connections are closed after the idle timeout", held <= 2, f"(the server holds {held} connections, {IDLE_TIMEOUT} s idle timeout)")
    open_idle = still_open(idle)
    for s in slow + idle:
        s.close()
    return {"slow_still_open": open_slow, "idle_still_open": open_idle, "fresh_requests": fresh}


phase("600 slow-header and 2,000 idle connections", slow_and_idle)


# --- 6. long unknown names --------------------------------------------------------------------
def long_names():
    def one(i):
        name = "".join(random.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(2000))
        out = []
        for _ in range(5):
            out.append(get(f"/api/v1/states/{name}")[0])
        near = "".join(random.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(90))
        out.append(get(f"/api/v1/states/{urllib.parse.quote(near)}")[0])
        return tuple(out)

    res = many(48, one, seconds=30)
    flat = {}
    for r in res:
        for s in r if isinstance(r, tuple) else (type(r).__name__,):
            flat[str(s)] = flat.get(str(s), 0) + 1
    check("unknown names are 404 (or shed with 503), quickly", set(flat) <= {"404", "503"}, str(flat))
    return {"statuses": flat}


phase("48 clients sending 2,000-character names", long_names)


# --- 7. distinct panel downloads -----------------------------------------------------------------
def downloads():
    def one(i):
        y = 1900 + i * 3
        return get(f"/api/v1/exports/panel?treaty=apmbc,ccm&from={y}&to={y + 100}&format={['csv', 'parquet', 'sqlite'][i % 3]}", timeout=20)[:1]

    other = []

    def uncached_doc():
        for i in range(10):
            t0 = time.perf_counter()
            st = get(f"/api/v1/status?on=2011-{1 + i:02d}-17", timeout=15)[0]
            other.append((st, (time.perf_counter() - t0) * 1000))
            time.sleep(0.2)

    t = threading.Thread(target=uncached_doc)
    t.start()
    res = many(32, one, seconds=30)
    t.join(20)
    worst = max((ms for _, ms in other), default=0)
    check("uncached documents are answered beside a flood of downloads", all(s == 200 for s, _ in other), f"({[s for s, _ in other]}, slowest {worst:.0f} ms)")
    return {"statuses": statuses(res), "uncached_document_ms_max": round(worst, 1)}


phase("32 distinct panel downloads", downloads)


# --- 8. the ETag on a gzip 304 ---------------------------------------------------------------
_, h, _ = get(CACHED, {"Accept-Encoding": "gzip"})
st, h304, _ = get(CACHED, {"Accept-Encoding": "gzip", "If-None-Match": h["ETag"]})
check("a gzip 304 carries the gzip ETag", st == 304 and h304.get("ETag") == h["ETag"] and h["ETag"].endswith('-gz"'), f"({h.get('ETag')} -> {st} {h304.get('ETag')})")

# --- memory returned after the bursts --------------------------------------------------------
time.sleep(15)
after = rss()
figures["rss_after_15s_idle_mb"] = round(after / 2**20, 1)
print(f"     resident memory 15 s after the attacks: {figures['rss_after_15s_idle_mb']} MB", flush=True)
check("memory is returned after the bursts (under 250 MB once idle)", after < 250 * 2**20, f"({figures['rss_after_15s_idle_mb']} MB)")

# --- 9. SIGTERM with a slow client and a non-reader connected ---------------------------------------
slow = socket.create_connection((HOST, PORT))
slow.sendall(b"GET /api/v1/status HTTP/1.1\r\nHost: x\r\n")
nonreader = socket.socket()
nonreader.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
nonreader.connect((HOST, PORT))
nonreader.sendall(b"GET /api/v1/exports/panel?treaty=apmbc,ccm&from=1950&to=2026&format=sqlite HTTP/1.1\r\nHost: x\r\n\r\n")
time.sleep(1)
stop.set()
t0 = time.monotonic()
server.send_signal(signal.SIGTERM)
try:
    code = server.wait(timeout=15)
except subprocess.TimeoutExpired:
    server.kill()
    code = "killed"
took = time.monotonic() - t0
figures["sigterm_seconds"] = round(took, 2)
check("SIGTERM with a slow client connected stops the server within 10 s", took < 10 and code == 0, f"({took:.1f} s, exit {code})")
slow.close()
nonreader.close()

with open(os.path.join(args.out, "harden.json"), "w") as f:
    json.dump(figures, f, indent=2)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
