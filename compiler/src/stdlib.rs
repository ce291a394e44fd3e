//! The standard library: `.rileva` sources of `stdlib/`, embedded at build time.
