"""A small load client: N threads send GET requests to a server on loopback, bounded in count
and time; returns each request's latency. (wrk and hyperfine are not installed here.)

`paths` may be one address or many (each request takes the next, so requests spread over all
of them); `before`, if given, runs before every `every`-th request (a write, in the benchmark),
and those requests' latencies are also reported apart."""

import http.client
import itertools
import statistics
import threading
import time


def _get(host, port, path, cookie) -> tuple[int, float]:
    started = time.perf_counter()
    connection = http.client.HTTPConnection(host, port, timeout=60)
    try:
        connection.request("GET", path, headers={"Cookie": cookie, "Host": host})
        response = connection.getresponse()
        response.read()
        return response.status, time.perf_counter() - started
    finally:
        connection.close()


def summary(latencies) -> dict:
    ordered = sorted(latencies)
    if not ordered:
        return {"requests": 0}
    return {
        "requests": len(ordered),
        "median_s": statistics.median(ordered),
        "p95_s": ordered[max(0, int(len(ordered) * 0.95) - 1)],
        "max_s": ordered[-1],
    }


def run(
    host, port, paths, cookie, clients=20, per_client=20, seconds=60.0, before=None, every=10
) -> dict:
    """`clients` threads each send up to `per_client` requests one after the other; all stop
    after `seconds`."""
    paths = [paths] if isinstance(paths, str) else list(paths)
    latencies, after_before, statuses, lock = [], [], {}, threading.Lock()
    deadline = time.perf_counter() + seconds
    numbers = itertools.count()

    def client():
        try:
            for _ in range(per_client):
                if time.perf_counter() > deadline:
                    return
                with lock:
                    number = next(numbers)
                path = paths[number % len(paths)]
                written = before is not None and number % every == every - 1
                if written:
                    before(path)
                status, latency = _get(host, port, path, cookie)
                with lock:
                    latencies.append(latency)
                    if written:
                        after_before.append(latency)
                    statuses[status] = statuses.get(status, 0) + 1
        finally:
            if before is not None:
                from django.db import connection

                connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    result = {
        **summary(latencies),
        "statuses": statuses,
        "clients": clients,
        "addresses": len(paths),
        "seconds": elapsed,
        "requests_per_second": len(latencies) / elapsed,
    }
    if before is not None:
        result["after_write"] = summary(after_before)
    return result
