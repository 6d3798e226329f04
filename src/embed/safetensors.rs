//! A `.safetensors` file → its f32 tensors by name.
//!
//! The format (<https://github.com/huggingface/safetensors>): an 8-byte
//! little-endian header length N, N bytes of JSON mapping each tensor's name
//! to `{dtype, shape, data_offsets: [begin, end]}` (offsets into the bytes
//! after the header), then the data, little-endian.
//!
//! The file is mapped, and a tensor is its bytes in place, seen as f32
//! (`Floats::Mapped`): loading copies nothing, and only the pages the
//! encoder reads are ever brought in (of the 47 MB word table, the rows of
//! the words a text has). Where the file cannot be mapped, or on a
//! big-endian machine, each tensor is read into memory instead.

use super::LoadError;
use memmap2::Mmap;
use rustc_hash::FxHashMap;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A header larger than this is not a model header (MiniLM's is 12 KB).
const MAX_HEADER: u64 = 16 << 20;

/// One tensor's place in the file.
#[derive(Debug, Clone)]
struct Entry {
    dtype: String,
    shape: Vec<usize>,
    begin: u64,
    end: u64,
}

/// An open `.safetensors` file whose header has been checked.
#[derive(Debug)]
pub(crate) struct SafeTensors {
    path: PathBuf,
    file: File,
    /// Where the data starts: 8 + the header length.
    data_start: u64,
    entries: FxHashMap<String, Entry>,
    /// The whole file, mapped; `None` where it could not be.
    map: Option<Arc<Mmap>>,
}

/// f32 values: in place in the mapped file, or in memory.
#[derive(Debug)]
pub(crate) enum Floats {
    /// `len` floats from byte `start` of the map; checked when made to be
    /// inside it and 4-byte aligned, so seeing them as f32 cannot fail.
    Mapped {
        map: Arc<Mmap>,
        start: usize,
        len: usize,
    },
    /// Values in memory.
    Owned(Vec<f32>),
}

impl Deref for Floats {
    type Target = [f32];

    fn deref(&self) -> &[f32] {
        match self {
            Floats::Mapped { map, start, len } => {
                bytemuck::cast_slice(&map[*start..*start + 4 * *len])
            }
            Floats::Owned(values) => values,
        }
    }
}

impl From<Vec<f32>> for Floats {
    fn from(values: Vec<f32>) -> Floats {
        Floats::Owned(values)
    }
}

/// Maps `file` read-only; `None` where it cannot be mapped, or where the
/// file's little-endian floats are not the machine's.
#[allow(unsafe_code)]
fn map_file(file: &File) -> Option<Arc<Mmap>> {
    if cfg!(target_endian = "big") {
        return None;
    }
    // SAFETY: a mapping is sound while no one writes the file under it.
    // newsdiff never writes the model, and scripts/get-model moves each
    // checked file into place under its final name (a rename), which
    // leaves an existing mapping on the old file. Writing into the model
    // files while newsdiff runs is outside what newsdiff supports.
    unsafe { Mmap::map(file) }.ok().map(Arc::new)
}

impl SafeTensors {
    /// Opens `path` and checks its header: valid JSON, every tensor's bytes
    /// inside the file and as many as its shape and dtype say. A truncated
    /// download fails here, before any weight is read.
    pub(crate) fn open(path: &Path) -> Result<SafeTensors, LoadError> {
        let corrupt = |why: String| LoadError::Corrupt {
            path: path.to_owned(),
            why,
        };
        let mut file = File::open(path).map_err(|e| LoadError::Missing {
            path: path.to_owned(),
            why: e.to_string(),
        })?;
        let length = file.metadata().map_err(|e| corrupt(e.to_string()))?.len();
        let mut prefix = [0u8; 8];
        file.read_exact(&mut prefix)
            .map_err(|_| corrupt("shorter than its 8-byte header length".into()))?;
        let header_len = u64::from_le_bytes(prefix);
        if header_len > MAX_HEADER || 8 + header_len > length {
            return Err(corrupt(format!(
                "header length {header_len} does not fit a file of {length} bytes"
            )));
        }
        let mut header = vec![0u8; header_len as usize];
        file.read_exact(&mut header)
            .map_err(|e| corrupt(e.to_string()))?;
        let json: serde_json::Value = serde_json::from_slice(&header)
            .map_err(|e| corrupt(format!("header is not JSON: {e}")))?;
        let serde_json::Value::Object(map) = json else {
            return Err(corrupt("header is not a JSON object".into()));
        };
        let data_start = 8 + header_len;
        let data_len = length - data_start;
        let mut entries = FxHashMap::default();
        for (name, value) in map {
            if name == "__metadata__" {
                continue;
            }
            let entry = parse_entry(&value)
                .ok_or_else(|| corrupt(format!("tensor {name}: malformed header entry")))?;
            let expected = entry.shape.iter().product::<usize>() as u64 * dtype_size(&entry.dtype);
            if entry.end < entry.begin || entry.end - entry.begin != expected {
                return Err(corrupt(format!(
                    "tensor {name}: {} bytes for shape {:?} {}",
                    entry.end.saturating_sub(entry.begin),
                    entry.shape,
                    entry.dtype
                )));
            }
            if entry.end > data_len {
                return Err(corrupt(format!(
                    "truncated: tensor {name} ends at byte {} of {data_len}",
                    entry.end
                )));
            }
            entries.insert(name, entry);
        }
        Ok(SafeTensors {
            path: path.to_owned(),
            map: map_file(&file).filter(|m| m.len() as u64 == length),
            file,
            data_start,
            entries,
        })
    }

    /// The shape of tensor `name`, if the file has it.
    pub(crate) fn shape(&self, name: &str) -> Option<&[usize]> {
        self.entries.get(name).map(|e| e.shape.as_slice())
    }

    /// Reads tensor `name`, which must be F32 of shape `shape`.
    pub(crate) fn read(&mut self, name: &str, shape: &[usize]) -> Result<Floats, LoadError> {
        let corrupt = |why: String| LoadError::Corrupt {
            path: self.path.clone(),
            why,
        };
        let Some(entry) = self.entries.get(name).cloned() else {
            return Err(corrupt(format!("no tensor {name}")));
        };
        if entry.dtype != "F32" || entry.shape != shape {
            return Err(corrupt(format!(
                "tensor {name} is {} {:?}, expected F32 {shape:?}",
                entry.dtype, entry.shape
            )));
        }
        let count = ((entry.end - entry.begin) / 4) as usize;
        let data = match self.mapped(&entry, count) {
            Some(floats) => floats,
            None => match self.read_into_memory(&entry, count) {
                Ok(values) => Floats::Owned(values),
                Err(e) => {
                    return Err(LoadError::Corrupt {
                        path: self.path.clone(),
                        why: format!("reading tensor {name}: {e}"),
                    })
                }
            },
        };
        Ok(data)
    }

    /// The tensor's floats in place in the map, when the file is mapped
    /// and they are aligned (safetensors aligns them; a file that does not
    /// is read instead).
    fn mapped(&self, entry: &Entry, count: usize) -> Option<Floats> {
        let map = self.map.as_ref()?;
        let start = usize::try_from(self.data_start + entry.begin).ok()?;
        let bytes = map.get(start..start.checked_add(4 * count)?)?;
        bytemuck::try_cast_slice::<u8, f32>(bytes).ok()?;
        Some(Floats::Mapped {
            map: Arc::clone(map),
            start,
            len: count,
        })
    }

    /// Reads the tensor through a small buffer straight into floats, so it
    /// is never held twice (the word embeddings are 47 MB).
    fn read_into_memory(&mut self, entry: &Entry, count: usize) -> std::io::Result<Vec<f32>> {
        let mut data: Vec<f32> = Vec::with_capacity(count);
        let mut buffer = vec![0u8; 1 << 16];
        self.file
            .seek(SeekFrom::Start(self.data_start + entry.begin))?;
        while data.len() < count {
            let bytes = (4 * (count - data.len())).min(buffer.len());
            self.file.read_exact(&mut buffer[..bytes])?;
            data.extend(
                buffer[..bytes]
                    .chunks_exact(4)
                    .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])),
            );
        }
        Ok(data)
    }
}

fn parse_entry(value: &serde_json::Value) -> Option<Entry> {
    let dtype = value.get("dtype")?.as_str()?.to_owned();
    let shape = value
        .get("shape")?
        .as_array()?
        .iter()
        .map(|d| d.as_u64().and_then(|d| usize::try_from(d).ok()))
        .collect::<Option<Vec<usize>>>()?;
    let offsets = value.get("data_offsets")?.as_array()?;
    let [begin, end] = offsets.as_slice() else {
        return None;
    };
    Some(Entry {
        dtype,
        shape,
        begin: begin.as_u64()?,
        end: end.as_u64()?,
    })
}

/// Bytes per element of a safetensors dtype (0 for unknown ones, which then
/// fail the size check unless empty).
fn dtype_size(dtype: &str) -> u64 {
    match dtype {
        "F64" | "I64" | "U64" => 8,
        "F32" | "I32" | "U32" => 4,
        "F16" | "BF16" | "I16" | "U16" => 2,
        "I8" | "U8" | "BOOL" | "F8_E4M3" | "F8_E5M2" => 1,
        _ => 0,
    }
}

/// Writes `tensors` (name, shape, values) as a `.safetensors` file: the
/// tests build tiny models with it.
pub fn write(path: &Path, tensors: &[(&str, Vec<usize>, Vec<f32>)]) -> std::io::Result<()> {
    let mut header = serde_json::Map::new();
    let mut offset = 0u64;
    for (name, shape, values) in tensors {
        let end = offset + 4 * values.len() as u64;
        header.insert(
            (*name).to_owned(),
            serde_json::json!({"dtype": "F32", "shape": shape, "data_offsets": [offset, end]}),
        );
        offset = end;
    }
    let mut text = serde_json::Value::Object(header).to_string().into_bytes();
    // The format pads the header with spaces to a multiple of 8.
    while text.len() % 8 != 0 {
        text.push(b' ');
    }
    let mut out = Vec::with_capacity(8 + text.len() + offset as usize);
    out.extend_from_slice(&(text.len() as u64).to_le_bytes());
    out.extend_from_slice(&text);
    for (_, _, values) in tensors {
        values
            .iter()
            .for_each(|v| out.extend_from_slice(&v.to_le_bytes()));
    }
    std::fs::write(path, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("newsdiff-st-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir.join("model.safetensors")
    }

    #[test]
    fn round_trips_what_it_writes() {
        let path = temp("round");
        write(&path, &[("a", vec![2, 2], vec![1.0, -2.0, 3.5, 0.0])]).unwrap();
        let mut file = SafeTensors::open(&path).unwrap();
        assert_eq!(file.shape("a"), Some(&[2, 2][..]));
        assert_eq!(*file.read("a", &[2, 2]).unwrap(), [1.0, -2.0, 3.5, 0.0]);
        assert!(
            file.read("a", &[4]).is_err(),
            "a shape mismatch is an error"
        );
        assert!(
            file.read("b", &[1]).is_err(),
            "a missing tensor is an error"
        );
    }

    #[test]
    fn a_truncated_file_is_corrupt() {
        let path = temp("truncated");
        write(&path, &[("a", vec![64], vec![0.5; 64])]).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() - 10]).unwrap();
        let err = SafeTensors::open(&path).unwrap_err();
        assert!(matches!(err, LoadError::Corrupt { .. }), "{err}");
        assert!(err.to_string().contains("truncated"), "{err}");
    }

    #[test]
    fn garbage_is_corrupt_not_a_panic() {
        let path = temp("garbage");
        for bytes in [
            &b""[..],
            b"\x05\0\0\0\0\0\0\0{",
            b"\xff\xff\xff\xff\xff\xff\xff\xff",
        ] {
            std::fs::write(&path, bytes).unwrap();
            assert!(matches!(
                SafeTensors::open(&path),
                Err(LoadError::Corrupt { .. })
            ));
        }
    }
}
