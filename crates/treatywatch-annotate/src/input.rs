//! What the annotator accepts: UTF-8 text of bounded size, with no NUL bytes.
//!
//! Every check here is one pass over the bytes, and each failure says what was wrong
//! and where, so that a caller (the CLI, a web handler) can show it as it is.

/// The largest input the annotator reads: 2 MiB. A long news article is 20 to 100 KB;
/// anything much larger is not an article, and refusing it keeps time and memory bounded.
pub const MAX_INPUT_BYTES: usize = 2 * 1024 * 1024;

/// At most this many claims are checked; past it the annotation says it was truncated.
pub const MAX_CLAIMS: usize = 500;

/// At most this many mentions (states, treaty names, dates) of each kind are listed;
/// past it the annotation says it was truncated.
pub const MAX_MENTIONS: usize = 5_000;

/// Why an input cannot be annotated.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error(
        "the input is {size} bytes, more than the {limit} bytes ({} MiB) an article may have; \
         annotate one article at a time",
        limit / (1024 * 1024)
    )]
    TooLarge { size: usize, limit: usize },
    #[error(
        "the input is not UTF-8 text: the byte at offset {offset} (0x{byte:02x}) does not \
         start or continue a valid UTF-8 character"
    )]
    NotUtf8 { offset: usize, byte: u8 },
    #[error("the input is not UTF-8 text: it ends in the middle of a character (offset {offset})")]
    TruncatedUtf8 { offset: usize },
    #[error("the input looks like binary data, not text: it has a NUL byte at offset {offset}")]
    Binary { offset: usize },
}

/// Checks bytes and returns them as text: at most [`MAX_INPUT_BYTES`], valid UTF-8, no
/// NUL byte.
pub fn text_from_bytes(bytes: &[u8]) -> Result<&str, InputError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge {
            size: bytes.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.valid_up_to();
            return Err(match e.error_len() {
                Some(_) => InputError::NotUtf8 {
                    offset,
                    byte: bytes[offset],
                },
                None => InputError::TruncatedUtf8 { offset },
            });
        }
    };
    check_text(text)?;
    Ok(text)
}

/// Checks text that is already UTF-8: size and NUL bytes.
pub fn check_text(text: &str) -> Result<(), InputError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge {
            size: text.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    if let Some(offset) = text.bytes().position(|b| b == 0) {
        return Err(InputError::Binary { offset });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_large_binary_and_broken_input_with_the_offset() {
        let big = vec![b'a'; MAX_INPUT_BYTES + 1];
        let err = text_from_bytes(&big).unwrap_err();
        assert!(err.to_string().contains("2 MiB"), "{err}");
        let err = text_from_bytes(b"Finland \xff joined").unwrap_err();
        assert_eq!(
            err,
            InputError::NotUtf8 {
                offset: 8,
                byte: 0xff
            }
        );
        assert!(err.to_string().contains("offset 8"), "{err}");
        let err = text_from_bytes("Fin\u{e9}".as_bytes().split_last().unwrap().1).unwrap_err();
        assert_eq!(err, InputError::TruncatedUtf8 { offset: 3 });
        let err = text_from_bytes(b"abc\0def").unwrap_err();
        assert_eq!(err, InputError::Binary { offset: 3 });
        assert_eq!(text_from_bytes(b"Finland").unwrap(), "Finland");
    }
}
