//! Completion-time estimate of language.md §10, shared by `check` (shown) and R0408.
