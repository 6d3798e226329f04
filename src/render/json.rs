//! Report → JSON (contract version 1).
