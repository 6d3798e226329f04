//! Report → human text.
