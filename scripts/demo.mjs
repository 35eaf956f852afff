// `npm run demo`: a throw-away repository with a bare `origin`, set up by `init` from this
// checkout, then real commits and pushes being refused and accepted, with the tool's real
// output. Nothing outside a temp directory is touched (its own HOME, no global git config).
// `node scripts/demo.mjs --keep` leaves the repository there to explore.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, 'dist/cli.cjs');
const keep = process.argv.includes('--keep');
const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mcflow-demo-')));
const work = path.join(base, 'app');
const origin = path.join(base, 'origin.git');
const home = path.join(base, 'home');
fs.mkdirSync(work);
fs.mkdirSync(home);

const env = {
  ...process.env,
  HOME: home,
  XDG_CONFIG_HOME: path.join(home, '.config'),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Demo',
  GIT_AUTHOR_EMAIL: 'demo@example.com',
  GIT_COMMITTER_NAME: 'Demo',
  GIT_COMMITTER_EMAIL: 'demo@example.com',
};
const bold = (text) => (process.stdout.isTTY && !process.env.NO_COLOR ? `\x1b[1m${text}\x1b[0m` : text);

/** Runs a command in the demo repository; `show` prints it and its output the way a terminal would. */
function sh(command, args, { show = true, expect, tolerate = false, extraEnv = {}, as } = {}) {
  if (show) console.log(bold(`\n$ ${as ?? [command, ...args].map((a) => (/[\s"]/.test(a) ? `'${a}'` : a)).join(' ')}`));
  const result = spawnSync(command, args, { cwd: work, env: { ...env, ...extraEnv }, encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`.trimEnd();
  if (show && output) console.log(output.replace(/^/gm, '  '));
  if (expect !== undefined) {
    const refused = result.status !== 0;
    console.log(refused === (expect === 'refused') ? `  → ${expect}, as expected` : `  → ${refused ? 'refused' : 'accepted'} (expected ${expect}: that check is not in this build yet)`);
  } else if (result.status !== 0 && !tolerate) {
    console.error(`demo: ${command} ${args.join(' ')} failed`);
    process.exit(1);
  }
  return result;
}
const write = (file, text) => {
  fs.mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
  fs.writeFileSync(path.join(work, file), text);
};

console.log(bold(`mcflow-hooks demo in ${work}`));
sh('git', ['init', '-q', '--bare', '--initial-branch=main', origin], { show: false });
sh('git', ['init', '-q', '--initial-branch=main'], { show: false });
sh('git', ['remote', 'add', 'origin', origin], { show: false });
write('package.json', '{\n  "name": "demo-app",\n  "version": "1.0.0",\n  "private": true\n}\n');
write('.gitignore', 'node_modules/\n');
sh('git', ['add', '-A'], { show: false });
sh('git', ['commit', '-q', '--no-verify', '-m', 'chore: initial commit'], { show: false });
sh('git', ['push', '-q', 'origin', 'main', 'main:main-production'], { show: false });
// What `npm install mcflow-hooks` leaves: this checkout's CLI on husky's PATH, and husky.
fs.mkdirSync(path.join(work, 'node_modules/.bin'), { recursive: true });
fs.writeFileSync(path.join(work, 'node_modules/.bin/mcflow-hooks'), `#!/bin/sh\nexec node "${cli}" "$@"\n`, { mode: 0o755 });
fs.symlinkSync(path.join(root, 'node_modules/husky'), path.join(work, 'node_modules/husky'));
fs.symlinkSync(root, path.join(work, 'node_modules/mcflow-hooks'));

sh(process.execPath, [cli, 'init', '--yes', '--no-install']);
sh('git', ['add', '-A'], { show: false });
sh('git', ['commit', '-q', '--no-verify', '-m', 'chore: set up mcflow-hooks'], { show: false });

console.log(bold('\n── commits ──'));
sh('git', ['switch', '-c', 'feature/issue-42-login']);
write('src/login.js', 'export const login = () => true;\n');
sh('git', ['add', 'src/login.js'], { show: false });
sh('git', ['commit', '-m', 'Added login form.'], { expect: 'refused' });
sh('git', ['commit', '-m', 'feat(auth): add login form'], { expect: 'accepted' });
write('.env', 'STRIPE_SECRET_KEY=sk_live_0000000000000000000000000000\n');
sh('git', ['add', '.env'], { show: false });
sh('git', ['commit', '-m', 'chore: add environment'], { expect: 'refused' });
sh('git', ['rm', '-q', '--cached', '.env'], { show: false });
fs.rmSync(path.join(work, '.env'));
write('.env.example', 'STRIPE_SECRET_KEY=\n');
sh('git', ['add', '.env.example'], { show: false });
sh('git', ['commit', '-m', 'docs: document the environment variables'], { expect: 'accepted' });

console.log(bold('\n── a secret inside a file ──'));
// Made up at run time, so no key-shaped string sits in this script.
const stripeKey = `sk_${'live'}_${randomBytes(18).toString('base64url').replace(/[-_]/g, 'x')}`;
write('src/pay.js', `import Stripe from 'stripe';\nexport const stripe = new Stripe('${stripeKey}');\n`);
sh('git', ['add', 'src/pay.js'], { show: false });
sh('git', ['commit', '-m', 'feat(pay): add the payment client'], { expect: 'refused' });
write('src/pay.js', "import Stripe from 'stripe';\nexport const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);\n");
sh('git', ['add', 'src/pay.js'], { show: false });
sh('git', ['commit', '-m', 'feat(pay): add the payment client'], { expect: 'accepted' });

sh('git', ['switch', '-q', '-c', 'develop', 'main'], { show: false });
sh('git', ['commit', '--allow-empty', '-m', 'feat: straight onto develop'], { expect: 'refused' });
sh('git', ['switch', '-q', 'feature/issue-42-login'], { show: false });

console.log(bold('\n── pushes ──'));
sh('git', ['push', 'origin', 'HEAD:main-production'], { expect: 'refused' });
sh('git', ['push', '-u', 'origin', 'feature/issue-42-login'], { expect: 'accepted' });

console.log(bold('\n── CI: verify re-runs the checks on the pull request ──'));
console.log('Someone in a hurry skips the hooks, which only CI can stop:');
write('config/deploy.yml', `stripe_key: ${stripeKey}\n`);
sh('git', ['add', 'config/deploy.yml'], { show: false });
sh('git', ['commit', '--no-verify', '-m', 'quick deploy fix'], { expect: 'accepted' });
// What GitHub Actions hands the job on a pull request into develop (see .github/workflows/mcflow.yml).
const eventPath = path.join(base, 'event.json');
const sha = (ref) => sh('git', ['rev-parse', ref], { show: false }).stdout.trim();
fs.writeFileSync(
  eventPath,
  JSON.stringify({
    number: 42,
    pull_request: {
      number: 42,
      title: 'feat(auth): add login form',
      body: fs.readFileSync(path.join(work, '.github/pull_request_template.md'), 'utf8'),
      base: { ref: 'develop', sha: sha('develop') },
      head: { ref: 'feature/issue-42-login', sha: sha('HEAD') },
    },
  }),
);
const ci = { CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath, GITHUB_BASE_REF: 'develop', GITHUB_HEAD_REF: 'feature/issue-42-login' };
sh(process.execPath, [cli, 'verify'], { expect: 'refused', extraEnv: ci, as: 'npx mcflow-hooks verify        # in GitHub Actions, on the pull request' });

console.log(bold('\n── audit: the whole history, for the security lead ──'));
sh(process.execPath, [cli, 'audit'], { tolerate: true, as: 'npx mcflow-hooks audit' });

console.log(bold('\n── and then ──'));
sh(process.execPath, [cli, 'doctor'], { tolerate: true });
sh(process.execPath, [cli, 'pr'], { tolerate: true });

if (keep) console.log(bold(`\nThe repository is still there: cd ${work}`));
else fs.rmSync(base, { recursive: true, force: true });
