import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { CI_PROVIDERS, renderCiTemplate, renderReusableWorkflow } from './templates.js';

// js-yaml comes with cosmiconfig; parsing proves the filled-in templates are valid YAML.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

describe('CI templates', () => {
  it('github: a workflow with full history, Node, verify and the SARIF upload, pushes on the protected branches', () => {
    const ci = renderCiTemplate('github', { branches: ['main', 'release/*', "it's"], install: 'pnpm install --frozen-lockfile' });
    assert.equal(ci.target, '.github/workflows/mcflow.yml');
    const workflow = yaml.load(ci.content) as Record<string, any>;
    assert.deepEqual(workflow.on.push.branches, ['main', 'release/*', "it's"]);
    assert.deepEqual(workflow.on.pull_request.types, ['opened', 'edited', 'synchronize', 'reopened', 'labeled', 'unlabeled']);
    const steps = workflow.jobs.verify.steps as any[];
    assert.equal(steps[0].uses, 'actions/checkout@v4');
    assert.equal(steps[0].with['fetch-depth'], 0);
    assert.equal(steps[1].uses, 'actions/setup-node@v4');
    assert.equal(steps[2].run, 'pnpm install --frozen-lockfile');
    assert.equal(steps[3].run, 'PATH="$PWD/node_modules/.bin:$PATH" mcflow-hooks verify --format sarif --output mcflow.sarif');
    assert.equal(steps[4].uses, 'github/codeql-action/upload-sarif@v3');
    assert.equal(workflow.permissions['security-events'], 'write');
    assert.doesNotMatch(ci.content, /\{\{\w+\}\}/);
  });

  it('gitlab: a job to paste, with full history and a JUnit report', () => {
    const ci = renderCiTemplate('gitlab');
    assert.equal(ci.target, undefined);
    const job = (yaml.load(ci.content) as Record<string, any>)['mcflow-verify'];
    assert.equal(job.variables.GIT_DEPTH, 0);
    assert.deepEqual(job.script, ['npm ci --ignore-scripts', 'PATH="$PWD/node_modules/.bin:$PATH" mcflow-hooks verify --format junit --output mcflow-junit.xml']);
    assert.equal(job.artifacts.reports.junit, 'mcflow-junit.xml');
  });

  it('a package below the root: verify runs in it, the report is written at the root', () => {
    const github = yaml.load(renderCiTemplate('github', { packageDir: 'packages/app' }).content) as Record<string, any>;
    assert.equal(github.jobs.verify.steps[3].run, 'cd packages/app && PATH="$PWD/node_modules/.bin:$GITHUB_WORKSPACE/node_modules/.bin:$PATH" mcflow-hooks verify --format sarif --output "$GITHUB_WORKSPACE/mcflow.sarif"');
    const gitlab = (yaml.load(renderCiTemplate('gitlab', { packageDir: "my app's" }).content) as Record<string, any>)['mcflow-verify'];
    assert.equal(gitlab.script[1], `cd 'my app'\\''s' && PATH="$PWD/node_modules/.bin:$CI_PROJECT_DIR/node_modules/.bin:$PATH" mcflow-hooks verify --format junit --output "$CI_PROJECT_DIR/mcflow-junit.xml"`);
  });

  it('github reusable workflow: workflow_call with the preset as input, installed apart, inputs never spliced into scripts', () => {
    const content = renderReusableWorkflow({ mcflowVersion: '1.2.3', presetVersion: '^2.0.0' });
    const workflow = yaml.load(content) as Record<string, any>;
    assert.deepEqual(Object.keys(workflow.on), ['workflow_call']);
    assert.equal(workflow.on.workflow_call.inputs.preset.required, true);
    assert.equal(workflow.on.workflow_call.inputs['mcflow-version'].default, '1.2.3');
    assert.equal(workflow.on.workflow_call.inputs['preset-version'].default, '^2.0.0');
    assert.deepEqual(workflow.permissions, { contents: 'read' });
    const steps = workflow.jobs.verify.steps as any[];
    assert.equal(steps[0].with['fetch-depth'], 0);
    assert.equal(steps[0].with['persist-credentials'], false);
    for (const step of steps.filter((s) => s.run)) assert.doesNotMatch(step.run, /\$\{\{/, 'an expression spliced into a script is a script injection');
    assert.match(steps[2].run, /--ignore-scripts/);
    assert.match(steps[3].run, /verify --config "\$policy"/);
    assert.doesNotMatch(content, /\{\{\w+\}\}/);
  });

  it('knows exactly the providers it has templates for', () => assert.deepEqual([...CI_PROVIDERS], ['github', 'gitlab']));
});
