/** The HTTP status of an Octokit RequestError, if it is one. */
export function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error ? Number((error as { status: unknown }).status) : undefined;
}

/** GitHub's own words for an error: its message and its `errors` list. */
export function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const data = (error as { response?: { data?: { message?: string; errors?: unknown[] } } }).response?.data;
    const detail = data?.errors?.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('; ');
    if (data?.message) return detail ? `${data.message}: ${detail}` : data.message;
    if (error instanceof Error) return error.message;
  }
  return String(error);
}
