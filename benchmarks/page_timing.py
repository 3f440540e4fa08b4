"""What the page benchmarks share: the command-line options, timing one page (median and
95th percentile over ROUNDS requests) and showing its slowest queries. Imported by the
scripts beside it after they have set Django up."""

import argparse
import cProfile
import os
import pstats
import statistics
import time

ROUNDS = int(os.environ.get("BENCHMARK_ROUNDS", "50"))


def parse_arguments(description: str):
    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument(
        "--slowest", type=int, default=0, help="print the N slowest queries per page"
    )
    parser.add_argument("--profile", action="store_true", help="cProfile one request per page")
    parser.add_argument(
        "--explain",
        action="store_true",
        help="with --slowest on PostgreSQL: EXPLAIN ANALYZE each of the slowest queries",
    )
    parser.add_argument("--only", default="", help="time only the pages whose name contains this")
    return parser.parse_args()


def measure(client, url):
    """(median ms, p95 ms, captured queries, status); timings only for pages answering 200."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)  # warm-up
    if response.status_code != 200:
        return None, None, [], response.status_code
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    # Read now: the next request clears the connection's query log.
    queries = context.captured_queries
    timings = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
    return statistics.median(timings), p95, queries, 200


def explain(client, url, queries, arguments) -> None:
    from django.db import connection

    slowest = sorted(queries, key=lambda query: -float(query["time"]))
    for query in slowest[: arguments.slowest]:
        print(f"    {float(query['time']) * 1000:8.1f} ms  {query['sql'][:600]}")
        if arguments.explain and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {query['sql']}")
                for (line,) in cursor.fetchall():
                    print(f"        {line}")
    if arguments.profile:
        profiler = cProfile.Profile()
        profiler.runcall(client.get, url)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
