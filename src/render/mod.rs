//! [`Report`] → bytes, one renderer per format.

pub mod json;
pub mod text;
