/** A source that cannot be read (missing directory, unknown ref, not a repository): a usage or I/O error, exit 2. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
}
