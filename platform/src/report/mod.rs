//! The report card, `rileva report`: indicators as SQL aggregates, rendered for people and machines.
