"""racegraph tests."""
