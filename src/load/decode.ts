/**
 * Turns a file's bytes into text, refusing binary files and invalid UTF-8 with a located
 * diagnostic instead of letting the YAML parser see replacement characters.
 */
import { isUtf8 } from 'node:buffer';
import { diagnostic, type Diagnostic, type SourcePosition } from '../diagnostics/diagnostic.js';

/** The decoded text or the reason it could not be decoded. */
export type DecodeResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/** Position (line, column in bytes of that line) of a byte offset. */
function bytePosition(bytes: Uint8Array, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

/** Offset of the first byte that breaks UTF-8 (overlongs, surrogates and > U+10FFFF included), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
    else return i;
    if (i + need >= bytes.length) return i; // truncated sequence at end of file
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Decodes a manifest file. */
export function decodeManifestBytes(file: string, bytes: Uint8Array): DecodeResult {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      ok: false,
      diagnostic: diagnostic('SG103', 'error', 'file contains NUL bytes: it looks binary, not YAML', {
        file,
        start: bytePosition(bytes, nul),
      }),
    };
  }
  // The native check (strict like ours: overlongs, surrogates and > U+10FFFF are invalid) reads
  // megabytes of manifests in microseconds; the byte loop runs only to locate a problem.
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (bad >= 0) {
    return {
      ok: false,
      diagnostic: diagnostic(
        'SG102',
        'error',
        `file is not valid UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad})`,
        { file, start: bytePosition(bytes, bad) },
      ),
    };
  }
  // TextDecoder drops a leading byte-order mark, which editors on Windows add.
  return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
}
