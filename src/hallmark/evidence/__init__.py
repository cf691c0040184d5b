"""Evidence: content-addressed blobs and safe handling of captured images."""
