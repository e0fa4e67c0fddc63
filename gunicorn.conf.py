# Read by gunicorn when started from the project folder (`make serve` does).
# The access log leaves out one-time set-password tokens (see the module).
logger_class = "cbmc_portal.gunicorn_logging.RedactingLogger"

# Threads keep a worker answering its heartbeat while one thread sends a long
# download (an XLSX of every canvas in the country takes longer than the sync
# worker's 30 s limit to build). `timeout` then only restarts a worker whose
# main loop hangs; the request threads themselves are never cut off.
worker_class = "gthread"
threads = 4


def post_worker_init(worker):
    """Load the Thai word dictionary once per worker, before the first comparison needs it
    (otherwise that reviewer waits a second or two)."""
    from canvases.diff import warm_up

    warm_up()
