"""Allows `python -m testimony_app`."""

from testimony_app.cli import main

raise SystemExit(main())
