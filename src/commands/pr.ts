/**
 * `mcflow-hooks pr`: a pull-request body for the current branch — the template (the branch
 * type's own when there is one), with the branch's commits listed by Conventional Commits type —
 * on stdout, and the compare URL for `origin` on stderr, so `mcflow-hooks pr | gh pr create
 * --body-file -` gets the body alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defineCommand, type Command } from '../command.js';
import { baseBranchOf } from '../branch-base.js';
import { ExitCode, GitError, UsageError } from '../errors.js';
import { listCommits, readRemoteUrl, refExists, type CommitSummary } from '../git/history.js';
import { findRepository, readCurrentBranch, type Repository } from '../git/repo.js';
import { branchTemplateType, DEFAULT_TEMPLATE_PLACES, presetTemplates } from '../install/templates.js';
import { maskTexts } from '../checks/secrets.mask.js';
import { messages } from '../messages.js';
import { parseArgs, withUsageErrors } from './options.js';

const TYPE_TITLES: Record<string, string> = {
  feat: 'Features',
  fix: 'Fixes',
  perf: 'Performance',
  refactor: 'Refactoring',
  docs: 'Documentation',
  test: 'Tests',
  build: 'Build',
  ci: 'CI',
  chore: 'Chores',
  style: 'Style',
  revert: 'Reverts',
};

export const spec = defineCommand({
  name: 'pr',
  summary: 'print a pull-request body and the compare URL for this branch',
  options: { base: { type: 'string', value: '<branch>', description: 'the branch it merges into (default: guessed from the branch name)' } },
});

export const command: Command = async (args, io) => {
  const { values } = withUsageErrors('pr', args, () => parseArgs({ args, strict: true, options: spec.options }));
  const repo = findRepository(io.cwd, { ...io.env, GIT_PREFIX: undefined });
  const branch = readCurrentBranch(repo);
  if (!branch) throw new GitError(messages.pr.detached, messages.pr.detachedFix);
  const base = values.base ?? guessBase(repo, branch);
  const baseRef = [base, `origin/${base}`].find((ref) => refExists(repo, ref));
  if (!baseRef) throw new UsageError(messages.pr.noBase([base, `origin/${base}`]), messages.pr.noBaseFix);

  const type = branchTemplateType(branch);
  const template = readTemplate(repo, type);
  const url = compareUrl(readRemoteUrl(repo, 'origin'), base, branch, template.name);
  // The body quotes every commit subject and the URL names the branch: masked like any report.
  const [body, shownUrl] = await maskTexts([buildBody(template.content, listCommits(repo, baseRef, 'HEAD')), url ?? '']);
  io.stdout.write(body!);
  io.stderr.write(`\n${url ? messages.pr.openUrl(shownUrl!) : messages.pr.noUrl}\n`);
  return ExitCode.ok;
};

/** Where a branch of this type merges in the team workflow (WORKFLOW.md "Merge routes"). */
export function guessBase(repo: Repository, branch: string): string {
  return baseBranchOf(branch, (name) => refExists(repo, name) || refExists(repo, `origin/${name}`));
}

/** The repository's template for the branch type, its default one, else the gitflow preset's. */
function readTemplate(repo: Repository, type: string | undefined): { content: string; name?: string } {
  if (type) {
    const file = path.join(repo.root, '.github', 'PULL_REQUEST_TEMPLATE', `${type}.md`);
    if (fs.existsSync(file)) return { content: fs.readFileSync(file, 'utf8'), name: `${type}.md` };
  }
  for (const place of DEFAULT_TEMPLATE_PLACES) {
    const file = path.join(repo.root, place);
    if (fs.existsSync(file)) return { content: fs.readFileSync(file, 'utf8') };
  }
  return { content: presetTemplates('gitflow').find((t) => t.target === '.github/pull_request_template.md')?.content ?? '## Description\n' };
}

/** The commits grouped by type, placed under the template's "Description" heading. */
export function buildBody(template: string, commits: CommitSummary[]): string {
  const groups = new Map<string, string[]>();
  for (const { sha, subject } of commits) {
    const match = /^(\w+)(?:\([^)]*\))?!?:\s*(.+)$/.exec(subject);
    const title = match ? (TYPE_TITLES[match[1]!] ?? 'Other') : 'Other';
    const list = groups.get(title) ?? [];
    list.push(`- ${subject} (${sha.slice(0, 7)})`);
    groups.set(title, list);
  }
  const order = [...Object.values(TYPE_TITLES), 'Other'].filter((title) => groups.has(title));
  const listing = order.length === 0 ? '_No commits yet._\n' : order.map((title) => `### ${title}\n\n${groups.get(title)!.join('\n')}\n`).join('\n');
  const heading = /^## Description[^\n]*\n(?:\s*<!--[\s\S]*?-->\n)?/m.exec(template);
  if (!heading) return `## Commits\n\n${listing}\n${template}`;
  const at = heading.index + heading[0].length;
  return `${template.slice(0, at)}\n${listing}${template.slice(at)}`;
}

/**
 * The "open a pull request" page for `origin`. Accepts the URL forms git does:
 * `git@github.com:acme/app.git`, `ssh://git@github.com/acme/app.git`, `https://gitlab.com/acme/app`.
 */
export function compareUrl(remote: string | undefined, base: string, branch: string, template?: string): string | undefined {
  if (!remote) return undefined;
  const match = /^(?:[\w+]+:\/\/)?(?:[^@/]+@)?([^/:]+)(?::\d+)?[:/](.+?)(?:\.git)?\/?$/.exec(remote);
  if (!match) return undefined;
  const [, host = '', project = ''] = match;
  if (/github/i.test(host)) {
    const query = template ? `?expand=1&template=${encodeURIComponent(template)}` : '?expand=1';
    return `https://${host}/${project}/compare/${encodeRef(base)}...${encodeRef(branch)}${query}`;
  }
  if (/gitlab/i.test(host)) {
    const query = `merge_request%5Bsource_branch%5D=${encodeURIComponent(branch)}&merge_request%5Btarget_branch%5D=${encodeURIComponent(base)}`;
    return `https://${host}/${project}/-/merge_requests/new?${query}`;
  }
  return undefined;
}

/** Branch names keep their slashes in a compare URL; everything else is escaped. */
function encodeRef(ref: string): string {
  return ref.split('/').map(encodeURIComponent).join('/');
}
