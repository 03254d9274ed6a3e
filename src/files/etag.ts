/** One member of an If-Match or If-None-Match list (RFC 9110, section 8.8.3). */
export interface EntityTag {
  weak: boolean;
  /** The opaque tag with its quotes, as it appears in an ETag header. */
  tag: string;
}

// A quoted tag (commas may sit inside the quotes) or a run of anything else,
// so that a malformed member is skipped rather than spoiling the whole list.
const LIST_MEMBER = /(W\/)?("[^"]*")|[^\s,"]+/g;
const OPAQUE_TAG = /^"[\x21\x23-\x7E\x80-\xFF]*"$/;

/**
 * A strong validator for one stored version of a file. The version changes
 * on every write, including renames, so the tag changes with the metadata
 * too and not only with the content.
 */
export function fileEtag(id: string, version: number): string {
  return `"${id}.${version}"`;
}

/** Parses an If-Match / If-None-Match value; malformed members are left out. */
export function parseEntityTags(header: string): EntityTag[] | '*' {
  if (header.trim() === '*') return '*';
  const tags: EntityTag[] = [];
  for (const match of header.matchAll(LIST_MEMBER)) {
    const tag = match[2];
    if (tag && OPAQUE_TAG.test(tag)) tags.push({ weak: match[1] !== undefined, tag });
  }
  return tags;
}

/** If-Match uses the strong comparison: a weak tag never matches. */
export function ifMatchPasses(header: string | undefined, etag: string): boolean {
  if (header === undefined) return true;
  const tags = parseEntityTags(header);
  return tags === '*' || tags.some((t) => !t.weak && t.tag === etag);
}

/** If-None-Match uses the weak comparison: `W/"x"` matches `"x"`. */
export function ifNoneMatchPasses(header: string | undefined, etag: string): boolean {
  if (header === undefined) return true;
  const tags = parseEntityTags(header);
  return tags !== '*' && !tags.some((t) => t.tag === etag);
}
