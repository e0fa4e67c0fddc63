# Read by gunicorn when started from the project folder (`make serve` does).
# The access log leaves out one-time set-password tokens (see the module).
logger_class = "cbmc_portal.gunicorn_logging.RedactingLogger"
