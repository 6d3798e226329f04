//! Text before any stage reads it for meaning: UAX#29 segmentation with
//! terminal escape sequences kept whole (`segment`), and the folding,
//! stemming and stopword rules every stage compares words by (`normalize`),
//! and a document's words analysed once by those rules (`vocabulary`).

pub mod normalize;
pub mod segment;
pub mod vocabulary;
