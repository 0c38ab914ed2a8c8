"""A small load client: N threads send GET requests to a server on loopback, bounded in count
and time; returns each request's latency. (wrk and hyperfine are not installed here.)"""

import http.client
import statistics
import threading
import time


def _get(host, port, path, cookie) -> tuple[int, float]:
    started = time.perf_counter()
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        connection.request("GET", path, headers={"Cookie": cookie, "Host": host})
        response = connection.getresponse()
        response.read()
        return response.status, time.perf_counter() - started
    finally:
        connection.close()


def run(host, port, path, cookie, clients=20, per_client=20, seconds=60.0) -> dict:
    """`clients` threads each send up to `per_client` requests one after the other; all stop
    after `seconds`."""
    latencies, statuses, lock = [], {}, threading.Lock()
    deadline = time.perf_counter() + seconds

    def client():
        for _ in range(per_client):
            if time.perf_counter() > deadline:
                return
            status, latency = _get(host, port, path, cookie)
            with lock:
                latencies.append(latency)
                statuses[status] = statuses.get(status, 0) + 1

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "statuses": statuses,
        "clients": clients,
        "seconds": elapsed,
        "requests_per_second": len(ordered) / elapsed,
        "median_s": statistics.median(ordered),
        "p95_s": ordered[max(0, int(len(ordered) * 0.95) - 1)],
        "max_s": ordered[-1],
    }
