"""Where bytes come from: offline archives for backfill (the live HTTP client still lives in radar/ until the
layers work moves it here)."""
