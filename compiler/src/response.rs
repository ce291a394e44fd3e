//! The meaning of one response (language.md §10): decide whether a JSON response is valid
//! for a survey, with every reason. `rileva validate` and `load` judge with this.
