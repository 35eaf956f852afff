// In GitHub Actions no line we print may start a workflow command: file names, commit messages
// and a PR title with a newline followed by `::notice …`/`::stop-commands::…` go through every
// format of verify, run, audit and pr, and the only workflow commands in the output are our own
// annotations. Real repositories, commands run in-process through main().
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createFeatureRepo, type RunResult } from './helpers/repo.js';
import { githubPullRequestEnv, gitlabMergeRequestEnv, GOOD_BODY } from './helpers/ci.js';

const HOSTILE = '\n::notice title=pwned::owned\n::stop-commands::mcflow\n##[warning]legacy\n';
/** Our annotations: `::error|warning` with escaped properties, then data with no raw line break. */
const OURS = /^::(error|warning) (?:file=[^,:\r\n]*,)?(?:line=\d+,)?(?:col=\d+,)?title=mcflow-hooks [a-z-]+::/;

function commandLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.trimStart()).filter((line) => line.startsWith('::') || line.startsWith('##['));
}

describe('workflow-command safety in GitHub Actions', () => {
  it('hostile names and messages start no workflow command in any format; only our annotations remain', async (t) => {
    const repo = createFeatureRepo(t, {}, 'feature/login');
    // A sensitive file (.env) and a secret under hostile names, and one whose name starts with "::".
    repo.write(`evil${HOSTILE}x.env`, 'A=1\n');
    repo.write('::warning::hi.env', 'B=2\n');
    repo.write(`src/k${HOSTILE}.ts`, `export const k = "sk_${'live'}_u8jzPde0IgxLd6GncfBA9fQ2";\n`);
    repo.git(['add', '.']);
    repo.commitQuietly(`Bad header${HOSTILE}`);
    repo.commitQuietly(`::add-mask::secret header`);

    const env: NodeJS.ProcessEnv = githubPullRequestEnv(repo, { base: 'develop', head: 'feature/login', title: `Bad title${HOSTILE}`, body: GOOD_BODY });
    const runs: { label: string; result: RunResult; annotations: boolean }[] = [];
    for (const format of ['text', 'json', 'github', 'sarif', 'junit']) {
      runs.push({ label: `verify ${format}`, result: await repo.run(['verify', '--format', format], { env }), annotations: format === 'text' || format === 'github' });
    }
    const actions = { GITHUB_ACTIONS: 'true' };
    repo.write(`new${HOSTILE}.env`, 'C=3\n');
    repo.git(['add', '.']);
    runs.push({ label: 'run pre-commit', result: await repo.run(['run', 'pre-commit'], { env: actions }), annotations: false });
    runs.push({ label: 'run commit-msg', result: await repo.run(['run', 'commit-msg', repo.write('msg', `Bad${HOSTILE}`)], { env: { ...actions, GIT_PREFIX: '' } }), annotations: false });
    repo.git(['reset', '-q']);
    repo.git(['checkout', '-q', 'develop']);
    repo.git(['merge', '-q', '--no-ff', '--no-verify', '-m', `Merge${HOSTILE}`, 'feature/login']);
    for (const format of ['text', 'json', 'markdown', 'sarif']) {
      runs.push({ label: `audit ${format}`, result: await repo.run(['audit', '--format', format], { env: actions }), annotations: false });
    }
    repo.git(['checkout', '-q', '-b', 'feature/next']);
    repo.commitQuietly('::notice::subject');
    runs.push({ label: 'pr', result: await repo.run(['pr', '--base', 'develop'], { env: actions }), annotations: false });

    let neutralised = 0;
    for (const { label, result, annotations } of runs) {
      assert.ok([0, 1].includes(result.code), `${label} exited ${result.code}: ${result.output}`);
      const foreign = commandLines(result.output).filter((line) => !(annotations && OURS.test(line)));
      assert.deepEqual(foreign, [], `${label} emits a workflow command`);
      if (annotations) assert.ok(commandLines(result.output).length > 0, `${label} still annotates`);
      neutralised += result.output.split('\u200b').length - 1;
    }
    // The hostile text did reach line starts, and was broken there: the test can fail.
    assert.ok(neutralised > 0);
  });
});

describe('collapsible-section and escape-sequence safety in GitLab CI', () => {
  // GitLab folds the job log at `ESC[0Ksection_start:<time>:<name>\r ESC[0K<header>`: a commit
  // message, file name or MR title that prints one could fold away (hide) the lines after it.
  const ESC = '\u001b';
  const HOSTILE_GL = `${ESC}[0Ksection_start:1700000000:hidden[collapsed=true]\r${ESC}[0Kok${ESC}]8;;https://evil.example${ESC}\\link${ESC}]8;;${ESC}\\${ESC}[2J section_end:1700000001:hidden`;
  /** An escape that is not a colour (SGR) sequence, or GitLab's section markers in any form. */
  const unsafe = (text: string) => [...text.matchAll(new RegExp(`${ESC}(?!\\[[0-9;]*m)|\u009b|section_(?:start|end):`, 'g'))].map((m) => JSON.stringify(text.slice(Math.max(0, m.index - 20), m.index + 30)));

  it('hostile messages, names and titles print no escape sequence and no section marker in any output', async (t) => {
    const repo = createFeatureRepo(t, {}, 'feature/login');
    repo.write(`evil${HOSTILE_GL}.env`, 'A=1\n');
    repo.git(['add', '.']);
    repo.commitQuietly(`Bad header ${HOSTILE_GL}`);
    repo.commitQuietly(`feat: fine subject ${HOSTILE_GL}`);
    const env = { ...gitlabMergeRequestEnv(repo, { base: 'develop', head: 'feature/login', title: `Bad title ${HOSTILE_GL}` }), FORCE_COLOR: '1' };
    const gitlab = { CI: 'true', GITLAB_CI: 'true', FORCE_COLOR: '1' };
    const runs: { label: string; result: RunResult }[] = [];
    for (const format of ['text', 'json', 'junit']) runs.push({ label: `verify ${format}`, result: await repo.run(['verify', '--format', format], { env }) });
    repo.write(`new${HOSTILE_GL}.env`, 'C=3\n');
    repo.git(['add', '.']);
    runs.push({ label: 'run pre-commit', result: await repo.run(['run', 'pre-commit'], { env: gitlab }) });
    runs.push({ label: 'run commit-msg', result: await repo.run(['run', 'commit-msg', repo.write('msg', `Bad ${HOSTILE_GL}`)], { env: { ...gitlab, GIT_PREFIX: '' } }) });
    repo.git(['reset', '-q']);
    repo.git(['checkout', '-q', 'develop']);
    repo.git(['merge', '-q', '--no-ff', '--no-verify', '-m', `Merge ${HOSTILE_GL}`, 'feature/login']);
    for (const format of ['text', 'markdown']) runs.push({ label: `audit ${format}`, result: await repo.run(['audit', '--format', format], { env: gitlab }) });
    repo.git(['checkout', '-q', '-b', 'feature/next']);
    repo.commitQuietly(`feat: next ${HOSTILE_GL}`);
    runs.push({ label: 'pr', result: await repo.run(['pr', '--base', 'develop'], { env: gitlab }) });

    let shown = 0;
    for (const { label, result } of runs) {
      assert.ok([0, 1].includes(result.code), `${label} exited ${result.code}: ${result.output}`);
      assert.deepEqual(unsafe(result.output), [], `${label} prints an escape sequence or a section marker`);
      shown += result.output.split('hidden').length - 1;
    }
    // The hostile text reached the output (neutralised): the test can fail.
    assert.ok(shown > 0);
  });
});
