//! A manifest read as it comes → one JSON line per pair, written and
//! flushed as soon as that pair and every pair before it are done.
//!
//! Output is in manifest order (each line also carries its `id`, and a
//! failed line its `line`): the output of a manifest is the same file
//! whatever the thread count, and a caller that cannot read ids (Spark's
//! `RDD.pipe`, `paste`, `zip`) can pair results with inputs by position.
//! The cost of order is that a slow pair holds back the lines after it,
//! at most [`WINDOW_PER_THREAD`] pairs per thread ahead of it.
//!
//! Memory is bounded by construction, whatever the manifest's length: a
//! pair's line is read only when one of `threads ×` [`WINDOW_PER_THREAD`]
//! places is free, and a place is freed when its result is written; nothing
//! of a written pair is kept. So at most that many lines, documents and
//! reports are held at once.
//!
//! Threads: one reads the manifest, `threads` compare (in the given rayon
//! pool, which the pipeline's own parallel steps then share), and the
//! calling thread writes.

use super::manifest::Origin;
use super::{
    compare_entry, BatchResult, BatchSettings, Failed, ManifestEntry, ManifestSource, Status,
};
use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// Pairs read ahead of the oldest unwritten one, per comparing thread: two
/// keep every thread busy while the writer catches up; four let a pair
/// twice as slow as its neighbours pass without idling the others.
pub const WINDOW_PER_THREAD: usize = 4;

/// How a streamed batch went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Pairs written (non-blank manifest lines).
    pub pairs: usize,
    /// Of those, the ones that could not be compared.
    pub failed: usize,
    /// The worst outcome, [`Status::Same`] for an empty manifest.
    pub worst: Status,
}

/// Why a streamed batch stopped early.
#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    /// Reading the manifest failed (the pairs before it were written).
    #[error("cannot read the manifest: {0}")]
    Manifest(io::Error),
    /// Writing a result failed (a closed pipe is one).
    #[error("{0}")]
    Output(#[from] io::Error),
}

/// One manifest line on its way to a comparing thread.
enum Work {
    /// A line's bytes, without its line break.
    Line {
        seq: usize,
        line: usize,
        bytes: Vec<u8>,
    },
    /// A line over the length limit, skipped without being held.
    TooLong { seq: usize, line: usize },
}

/// A pair's finished JSON line.
struct Done {
    seq: usize,
    status: Status,
    json: Vec<u8>,
}

/// Compares every pair of `manifest` on `pool`'s threads and writes one
/// JSON line each to `out`, in manifest order, flushing after each line.
/// `on_done` is called on the calling thread after each line is written
/// (for a progress bar). Relative paths and messages follow `source`.
pub fn stream<R, W>(
    manifest: R,
    source: ManifestSource<'_>,
    settings: &BatchSettings,
    pool: &rayon::ThreadPool,
    mut out: W,
    on_done: &mut dyn FnMut(Status),
) -> Result<Summary, StreamError>
where
    R: BufRead + Send + 'static,
    W: Write,
{
    let origin = Origin::from(source);
    let threads = pool.current_num_threads().max(1);
    let window = threads * WINDOW_PER_THREAD;
    let line_limit = line_limit(settings.decode.max_bytes);

    // A place in the window is a token: the reader takes one per line, the
    // writer gives it back once that line's result is written.
    let (give_back, places) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        let _ = give_back.send(());
    }
    let (work_sender, work) = mpsc::channel::<Work>();
    let read_error = Arc::new(Mutex::new(None));
    // Not joined: blocked on a read of a pipe that never closes, it must
    // not keep a finished batch (or one whose output closed) waiting.
    {
        let read_error = Arc::clone(&read_error);
        thread::spawn(move || {
            let outcome = read_lines(manifest, line_limit, &places, &work_sender);
            if let Err(error) = outcome {
                *read_error.lock().unwrap_or_else(|p| p.into_inner()) = Some(error);
            }
        });
    }

    let work = Mutex::new(work);
    let stop = AtomicBool::new(false);
    let (done_sender, done) = mpsc::channel::<Done>();
    let written = thread::scope(|scope| {
        scope.spawn(|| {
            pool.scope(|tasks| {
                for _ in 0..threads {
                    let done_sender = done_sender.clone();
                    let (work, stop, origin) = (&work, &stop, &origin);
                    tasks.spawn(move |_| {
                        compare_lines(work, stop, origin, line_limit, settings, &done_sender)
                    });
                }
            });
            drop(done_sender);
        });
        let written = write_in_order(&done, &mut out, &give_back, on_done);
        // On a write error the comparing threads stop after their pair.
        stop.store(true, Ordering::Relaxed);
        drop(done);
        written
    })?;
    if let Some(error) = read_error.lock().unwrap_or_else(|p| p.into_inner()).take() {
        return Err(StreamError::Manifest(error));
    }
    Ok(written)
}

/// Longest manifest line held: two texts at the size limit, with room for
/// JSON escapes, names and id. A longer line is a failed pair, skipped
/// without being held.
fn line_limit(max_bytes: u64) -> usize {
    let limit = max_bytes.saturating_mul(4).saturating_add(64 * 1024);
    usize::try_from(limit).unwrap_or(usize::MAX)
}

/// The reader thread: each non-blank line, once a place is free, goes to
/// the comparing threads; it stops at the end of the manifest, or when the
/// writer has gone (no place will be given back).
fn read_lines(
    mut manifest: impl BufRead,
    limit: usize,
    places: &mpsc::Receiver<()>,
    work: &mpsc::Sender<Work>,
) -> io::Result<()> {
    let (mut line, mut seq) = (0, 0);
    loop {
        let mut bytes = Vec::new();
        let read = read_line(&mut manifest, &mut bytes, limit)?;
        if read == LineRead::End {
            return Ok(());
        }
        line += 1;
        if read == LineRead::Line && bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if places.recv().is_err() {
            return Ok(());
        }
        let item = match read {
            LineRead::TooLong => Work::TooLong { seq, line },
            _ => Work::Line { seq, line, bytes },
        };
        if work.send(item).is_err() {
            return Ok(());
        }
        seq += 1;
    }
}

/// What [`read_line`] found.
#[derive(Debug, PartialEq, Eq)]
enum LineRead {
    /// A line (the last one may lack its line break).
    Line,
    /// A line longer than the limit: consumed, not kept.
    TooLong,
    /// Nothing left.
    End,
}

/// Reads one line into `bytes` without its `\n` (or `\r\n`), holding at
/// most `limit` bytes of it.
fn read_line(input: &mut impl BufRead, bytes: &mut Vec<u8>, limit: usize) -> io::Result<LineRead> {
    let (mut any, mut too_long) = (false, false);
    loop {
        let available = match input.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        any = true;
        let end = available.iter().position(|&b| b == b'\n');
        let chunk = &available[..end.unwrap_or(available.len())];
        if !too_long && bytes.len() + chunk.len() > limit {
            too_long = true;
            *bytes = Vec::new();
        }
        if !too_long {
            bytes.extend_from_slice(chunk);
        }
        let used = end.map_or(available.len(), |i| i + 1);
        input.consume(used);
        if end.is_some() {
            break;
        }
    }
    if bytes.last() == Some(&b'\r') {
        bytes.pop();
    }
    Ok(match (any, too_long) {
        (false, _) => LineRead::End,
        (true, true) => LineRead::TooLong,
        (true, false) => LineRead::Line,
    })
}

/// A comparing thread: takes lines until there are none, or the writer
/// has stopped, and sends each pair's JSON line.
fn compare_lines(
    work: &Mutex<mpsc::Receiver<Work>>,
    stop: &AtomicBool,
    origin: &Origin,
    line_limit: usize,
    settings: &BatchSettings,
    done: &mpsc::Sender<Done>,
) {
    while !stop.load(Ordering::Relaxed) {
        // The timeout lets a thread see `stop` while the reader waits on a
        // manifest that never ends.
        let next = work
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .recv_timeout(Duration::from_millis(100));
        let (seq, entry) = match next {
            Ok(Work::Line { seq, line, bytes }) => (seq, origin.entry(line, &bytes)),
            Ok(Work::TooLong { seq, line }) => {
                let message = format!(": line longer than {line_limit} bytes (raise --max-bytes)");
                let entry = ManifestEntry {
                    line,
                    pair: Err(origin.at(line, &message)),
                    id: None,
                };
                (seq, entry)
            }
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => return,
        };
        let line = entry.line;
        // One pair that trips a bug is a failed line, not a lost batch.
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            compare_entry(entry, settings)
        }))
        .unwrap_or_else(|_| {
            BatchResult::Failed(Failed {
                id: None,
                line,
                error: String::from("internal error: newsdiff panicked on this pair"),
            })
        });
        let status = result.status();
        let mut json = serde_json::to_vec(&result).unwrap_or_else(|e| {
            let failed = BatchResult::Failed(Failed {
                id: None,
                line,
                error: format!("internal error: the result cannot be written as JSON: {e}"),
            });
            serde_json::to_vec(&failed).unwrap_or_default()
        });
        json.push(b'\n');
        if done.send(Done { seq, status, json }).is_err() {
            return;
        }
    }
}

/// The writer: each line as soon as it and every line before it are done.
fn write_in_order(
    done: &mpsc::Receiver<Done>,
    out: &mut impl Write,
    give_back: &mpsc::SyncSender<()>,
    on_done: &mut dyn FnMut(Status),
) -> io::Result<Summary> {
    let mut summary = Summary {
        pairs: 0,
        failed: 0,
        worst: Status::Same,
    };
    let mut waiting = BTreeMap::new();
    for finished in done {
        waiting.insert(finished.seq, finished);
        while let Some(next) = waiting.remove(&summary.pairs) {
            out.write_all(&next.json)?;
            out.flush()?;
            summary.pairs += 1;
            summary.failed += usize::from(next.status == Status::Failed);
            summary.worst = summary.worst.max(next.status);
            on_done(next.status);
            // Never blocks: at most `window` places exist.
            let _ = give_back.try_send(());
        }
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufReader, Cursor, Read};
    use std::sync::atomic::AtomicUsize;

    fn pool(threads: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
    }

    fn lines(out: &[u8]) -> Vec<serde_json::Value> {
        out.split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice(l).unwrap())
            .collect()
    }

    #[test]
    fn results_come_in_manifest_order_whatever_the_threads() {
        // Long and short pairs mixed, so later pairs finish first.
        let mut manifest = String::new();
        for i in 0..40 {
            let words = if i % 5 == 0 { 400 } else { 3 };
            let text = "The mayor said the bridge will open. ".repeat(words);
            manifest.push_str(&format!(
                "{}\n\n",
                serde_json::json!({"id": i, "left_text": text, "right_text": "The mayor said so."})
            ));
        }
        manifest.push_str("not json\n");
        for threads in [1, 2, 3] {
            let mut out = Vec::new();
            let summary = stream(
                Cursor::new(manifest.clone().into_bytes()),
                ManifestSource::Stdin,
                &BatchSettings::default(),
                &pool(threads),
                &mut out,
                &mut |_| {},
            )
            .unwrap();
            assert_eq!((summary.pairs, summary.failed), (41, 1));
            assert_eq!(summary.worst, Status::Failed);
            let lines = lines(&out);
            for (i, line) in lines[..40].iter().enumerate() {
                assert_eq!(line["id"], i, "{threads} threads");
            }
            assert_eq!(lines[40]["line"], 81);
        }
    }

    /// An endless manifest, one short line per `read`, counting lines given.
    struct Endless(Arc<AtomicUsize>);

    impl Read for Endless {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let line = b"{\"left_text\": \"A said.\", \"right_text\": \"B said.\"}\n";
            let n = line.len().min(buf.len());
            buf[..n].copy_from_slice(&line[..n]);
            self.0.fetch_add(1, Ordering::Relaxed);
            Ok(n)
        }
    }

    /// Output that takes `left` lines, then fails as a closed pipe does.
    struct ClosesAfter(usize);

    impl Write for ClosesAfter {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.0 == 0 {
                return Err(io::ErrorKind::BrokenPipe.into());
            }
            self.0 -= 1;
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn an_endless_manifest_is_read_only_a_window_ahead_of_the_output() {
        let given = Arc::new(AtomicUsize::new(0));
        // A one-line buffer, so lines given = lines read (+1 in hand).
        let manifest = BufReader::with_capacity(64, Endless(Arc::clone(&given)));
        let error = stream(
            manifest,
            ManifestSource::Stdin,
            &BatchSettings::default(),
            &pool(2),
            ClosesAfter(10),
            &mut |_| {},
        )
        .unwrap_err();
        assert!(
            matches!(error, StreamError::Output(ref e) if e.kind() == io::ErrorKind::BrokenPipe)
        );
        // Give the reader time to run ahead if it could.
        thread::sleep(Duration::from_millis(200));
        let read = given.load(Ordering::Relaxed);
        assert!(
            read <= 10 + 1 + 2 * WINDOW_PER_THREAD + 2,
            "{read} lines read"
        );
    }

    #[test]
    fn a_line_over_the_limit_fails_alone_without_being_held() {
        let settings = BatchSettings {
            decode: crate::input::DecodeOptions {
                max_bytes: 10,
                ..Default::default()
            },
            ..Default::default()
        };
        let long = format!("{{\"left_text\": \"{}\"}}", "a".repeat(70_000));
        let manifest =
            format!("{long}\n{{\"left_text\": \"A.\", \"right_text\": \"A.\", \"id\": 2}}\n");
        let mut out = Vec::new();
        let summary = stream(
            Cursor::new(manifest.into_bytes()),
            ManifestSource::Stdin,
            &settings,
            &pool(1),
            &mut out,
            &mut |_| {},
        )
        .unwrap();
        assert_eq!(summary.failed, 1);
        let lines = lines(&out);
        let error = lines[0]["error"].as_str().unwrap();
        assert!(
            error.starts_with("<stdin>:1: line longer than 65576 bytes"),
            "{error}"
        );
        assert_eq!(lines[1]["id"], 2);
    }

    #[test]
    fn lines_are_read_without_their_breaks_and_bounded() {
        let mut input = Cursor::new(b"ab\r\ncd\nlong line\nlast".to_vec());
        let mut read = |limit| {
            let mut bytes = Vec::new();
            let found = read_line(&mut input, &mut bytes, limit).unwrap();
            (found, String::from_utf8(bytes).unwrap())
        };
        assert_eq!(read(5), (LineRead::Line, "ab".into()));
        assert_eq!(read(5), (LineRead::Line, "cd".into()));
        assert_eq!(read(5), (LineRead::TooLong, String::new()));
        assert_eq!(read(5), (LineRead::Line, "last".into()));
        assert_eq!(read(5), (LineRead::End, String::new()));
    }
}
