/** The repository and commit a delivery is about. */
export interface RepoTarget {
  owner: string;
  repo: string;
  /** The commit the check run and annotations attach to. */
  headSha: string;
}

export interface PullRequestTarget extends RepoTarget {
  pullNumber: number;
  baseSha: string;
}
