"""Cán bộ Desktop: offline personnel records for Vietnamese commune, district and province offices."""

__version__ = "0.1.0"
APP_NAME = "CanBoDesktop"
APP_DISPLAY_NAME = "Cán bộ Desktop"
