import { AppError } from '../errors/app-error.js';

export const MAX_PATH_BYTES = 1024;
export const MAX_SEGMENT_BYTES = 255;

// In Unicode mode a paired surrogate is one astral code point, so `\p{Cs}`
// only matches lone surrogates, which no UTF-8 file system can store.
const LONE_SURROGATE = /\p{Cs}/u;
const CONTROL_CHARACTER = /\p{Cc}/u;
// Bidirectional overrides and isolates make a name display as another one
// (`rlo\u202etxt.exe` shows as `rloexe.txt`): a classic spoofing trick.
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;
const DRIVE_LETTER = /^[A-Za-z]:/;

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Why a raw path cannot be stored, or undefined when its characters are fine. */
function characterProblem(raw: string): string | undefined {
  if (raw.length === 0) return 'must not be empty';
  if (raw.includes('\0')) return 'must not contain NUL characters';
  if (CONTROL_CHARACTER.test(raw)) return 'must not contain control characters';
  if (BIDI_CONTROL.test(raw)) return 'must not contain bidirectional control characters';
  if (LONE_SURROGATE.test(raw)) return 'must be valid Unicode text';
  if (raw.includes('\\')) return 'must use "/" as separator, not "\\"';
  if (raw.startsWith('/')) return 'must be relative, not absolute';
  // `C:/x` is absolute on Windows and `a:b.py` relative to drive A's folder.
  if (DRIVE_LETTER.test(raw)) return 'must not start with a drive letter ("C:")';
  return undefined;
}

/** Why normalised segments do not name a file, or undefined when they do. */
function segmentProblem(segments: string[]): string | undefined {
  if (segments.includes('..')) return 'must not contain ".." segments';
  // `.../x` or `a../x`: git tools take a folder ending in ".." for a climb
  // out of the repository and refuse it, so such a file could not be exported.
  if (segments.slice(0, -1).some((s) => s.endsWith('..'))) {
    return 'must not have a folder whose name ends with ".."';
  }
  if (segments.length === 0) return 'must name a file';
  if (segments.at(-1) === '') return 'must name a file, not end with "/"';
  const long = segments.find((s) => byteLength(s) > MAX_SEGMENT_BYTES);
  if (long !== undefined) return `must not have a segment over ${MAX_SEGMENT_BYTES} bytes`;
  return undefined;
}

/**
 * Turns a client's path into the one stored form: relative, POSIX, NFC,
 * without `.` segments or repeated slashes. Anything that could climb out of
 * a workspace or mean different files on different systems is refused with
 * 422 `invalid_path`, naming `field` and the reason.
 */
export function normalizeFilePath(raw: string, field = 'body.path'): string {
  const refuse = (message: string): never => {
    throw new AppError('invalid_path', `Path ${message}`, { errors: [{ field, message }] });
  };

  const badCharacters = characterProblem(raw);
  if (badCharacters) refuse(badCharacters);

  // NFC, so that "é" typed on macOS and on Linux is the same stored path.
  const parts = raw.normalize('NFC').split('/');
  const segments = parts.filter((s, i) => s !== '.' && (s !== '' || i === parts.length - 1));
  const badSegments = segmentProblem(segments);
  if (badSegments) refuse(badSegments);

  const path = segments.join('/');
  if (byteLength(path) > MAX_PATH_BYTES) refuse(`must not be over ${MAX_PATH_BYTES} bytes`);
  return path;
}
