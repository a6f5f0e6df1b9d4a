"""Unit tests of the local runtime's pure pieces: routes, intrinsics, event shapes, schedule expressions."""
