"""Sync upward by USB: office keys (``keys``), the signed + encrypted package file (``container``), and the
database side (change selection, staging, preview, conflicts, apply, acks) built on top of them."""
