"""`raingan serve` under load on loopback: render latency through the API, 50 concurrent renders that all come
back right (each PDF carries its own request's text) with the server's memory bounded, and requests beyond
the limits (a body too large, a full queue) refused cleanly while the others are served."""
import os
import statistics
import sys
import threading
import time
import unittest

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(__file__))

from cli_support import no_space, scratch  # noqa: E402
from serve_support import Server, dataset, pdf_text, project_copy  # noqa: E402

CONCURRENT = 50
SERVER_RSS_LIMIT_KB = 200 * 1024  # the server itself; renders run in child processes


def together(count, work):
    """Runs work(i) on `count` threads released at the same moment; returns the results in order."""
    results = [None] * count
    barrier = threading.Barrier(count)

    def run(i):
        barrier.wait()
        results[i] = work(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


class Load(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = scratch("serve-load-out")

    def test_latency_and_fifty_concurrent_renders(self):
        server = Server(project_copy("serve-load"), "--queue-wait", "600")
        try:
            memo, notice = dataset("memo-work-standards"), dataset("transport-allowance-2569-2")
            # Under AddressSanitizer (no memory limit for renders) each render is several times slower.
            runs = 15 if server.get("/api/health").json()["render_memory_mb"] else 5
            for name, report, body in (("memo", "memo", memo), ("transport notice", "transport-allocation-notice", notice)):
                server.post(f"/api/render/{report}", body)  # warm the page cache
                times = []
                for _ in range(runs):
                    started = time.monotonic()
                    answer = server.post(f"/api/render/{report}", body)
                    times.append(time.monotonic() - started)
                    self.assertEqual(answer.status, 200, answer)
                times.sort()
                print(f"render latency through the API, {name}: median {statistics.median(times) * 1000:.0f} ms, "
                      f"p95 {times[max(0, round(len(times) * 0.95) - 1)] * 1000:.0f} ms ({runs} runs)")

            def render(i):
                body = dict(memo, subject=f"คำขอทดสอบที่ {i} จากผู้ใช้พร้อมกัน")
                started = time.monotonic()
                answer = server.post("/api/render/memo", body)
                return answer, time.monotonic() - started

            too_large = b'{"kind": "memo", "padding": "' + b"x" * (17 << 20) + b'"}'
            started = time.monotonic()
            results = together(CONCURRENT + 1, lambda i: render(i) if i < CONCURRENT else (
                server.post("/api/render/memo", too_large, headers={"Content-Type": "application/json"}), 0))
            wall = time.monotonic() - started
            refused = results[CONCURRENT][0]
            self.assertEqual(refused.status, 413, refused)
            self.assertIn("message", refused.json())
            for i, (answer, _) in enumerate(results[:CONCURRENT]):
                with self.subTest(request=i):
                    self.assertEqual(answer.status, 200, answer)
                    self.assertTrue(answer.body.startswith(b"%PDF-") and b"%%EOF" in answer.body[-64:])
                    self.assertIn(no_space(f"คำขอทดสอบที่ {i} จากผู้ใช้พร้อมกัน"), no_space(pdf_text(answer.body, self.work)))
            health = server.get("/api/health").json()
            rss = server.peak_rss_kb()
            slowest = max(seconds for _, seconds in results[:CONCURRENT])
            print(f"{CONCURRENT} concurrent memo renders: all correct in {wall:.2f} s wall time (slowest answer "
                  f"{slowest:.2f} s), {health['max_renders']} at once, at most {health['peak_waiting']} waiting; "
                  f"server peak RSS {rss / 1024:.1f} MiB")
            self.assertLessEqual(health["peak_running"], health["max_renders"])
            self.assertGreater(health["peak_waiting"], 0)
            self.assertLess(rss, SERVER_RSS_LIMIT_KB)
        finally:
            self.assertEqual(server.stop()[0], 0)

    def test_a_full_queue_is_a_clean_refusal(self):
        server = Server(project_copy("serve-queue"), "--max-renders", "1", "--render-queue", "1",
                        "--queue-wait", "600")
        try:
            answers = together(8, lambda i: server.post("/api/render/transport-allocation-notice",
                                                         dataset("transport-allowance-2569-2")))
            statuses = sorted(a.status for a in answers)
            self.assertGreaterEqual(statuses.count(200), 2, statuses)
            self.assertGreaterEqual(statuses.count(503), 1, statuses)
            self.assertEqual(statuses.count(200) + statuses.count(503), len(answers), statuses)
            busy = next(a for a in answers if a.status == 503)
            self.assertIn("busy", busy.json()["message"])
            self.assertEqual(busy.header("Retry-After"), "5")
            self.assertEqual(server.post("/api/render/memo", dataset("memo-work-standards")).status, 200)
            print(f"queue of 1 behind 1 render, 8 at once: {statuses.count(200)} made, "
                  f"{statuses.count(503)} refused with 503")
        finally:
            self.assertEqual(server.stop()[0], 0)


if __name__ == "__main__":
    unittest.main()
