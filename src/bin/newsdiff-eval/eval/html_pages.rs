//! html-pages on disk → [`Page`]s: each saved page with its reference
//! text (Mozilla: `expected.html` read as text, with its figcaptions and
//! metadata; Scrapinghub: `ground-truth.json`'s article body).

use super::html_scoring::reference_text;
use super::{read_json, read_text, required_file};
use anyhow::{Context, Result};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// Readability's `expected-metadata.json` (the fields scored).
#[derive(Debug, Deserialize)]
pub(super) struct Metadata {
    pub(super) title: Option<String>,
    pub(super) byline: Option<String>,
    #[serde(rename = "siteName")]
    pub(super) site_name: Option<String>,
}

/// One Scrapinghub reference.
#[derive(Debug, Deserialize)]
struct GroundTruth {
    #[serde(rename = "articleBody")]
    article_body: String,
}

/// One page to read, with its reference.
pub(super) struct Page {
    /// `mozilla` or `scrapinghub`.
    pub(super) corpus: &'static str,
    pub(super) name: String,
    /// The saved page as stored.
    pub(super) bytes: Vec<u8>,
    /// The reference article as text.
    pub(super) reference: String,
    pub(super) metadata: Option<Metadata>,
    /// The reference's figure captions, as text.
    pub(super) captions: Vec<String>,
}

pub(super) fn mozilla_pages(folder: &Path) -> Result<Vec<Page>> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .with_context(|| format!("reading {}", folder.display()))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("source.html").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let dir = folder.join(&name);
            let source = required_file(&dir, "source.html")?;
            let expected = read_text(&required_file(&dir, "expected.html")?)?;
            let metadata: Metadata = read_json(&required_file(&dir, "expected-metadata.json")?)?;
            Ok(Page {
                corpus: "mozilla",
                bytes: std::fs::read(&source)
                    .with_context(|| format!("reading {}", source.display()))?,
                reference: reference_text(&expected),
                captions: figcaptions(&expected),
                metadata: Some(metadata),
                name,
            })
        })
        .collect()
}

/// The text of every `<figcaption>` of a reference article.
fn figcaptions(html: &str) -> Vec<String> {
    html.split("<figcaption")
        .skip(1)
        .filter_map(|part| part.split_once('>'))
        .map(|(_, rest)| reference_text(rest.split("</figcaption").next().unwrap_or("")))
        .filter(|t| !t.trim().is_empty())
        .collect()
}

pub(super) fn scrapinghub_pages(folder: &Path) -> Result<Vec<Page>> {
    let truth: BTreeMap<String, GroundTruth> =
        read_json(&required_file(folder, "ground-truth.json")?)?;
    truth
        .into_iter()
        .map(|(id, truth)| {
            let path = folder.join("html").join(format!("{id}.html.gz"));
            Ok(Page {
                corpus: "scrapinghub",
                bytes: gunzip(&path)?,
                reference: truth.article_body,
                metadata: None,
                captions: Vec::new(),
                name: id.chars().take(12).collect(),
            })
        })
        .collect()
}

/// The pages are stored gzipped; `gzip -dc` reads them (the project has
/// no inflate crate, and one command per page costs nothing here).
fn gunzip(path: &Path) -> Result<Vec<u8>> {
    let out = std::process::Command::new("gzip")
        .arg("-dc")
        .arg(path)
        .output()
        .with_context(|| format!("running gzip -dc {}", path.display()))?;
    if !out.status.success() {
        anyhow::bail!(
            "gzip -dc {}: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(out.stdout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_captions_are_read_from_figcaptions() {
        let html = "<figure><img><figcaption class=x><span>A man.</span> \
                    <span>Credit Jo Roe</span></figcaption></figure><figcaption> </figcaption>";
        assert_eq!(figcaptions(html), vec!["A man. Credit Jo Roe"]);
    }
}
