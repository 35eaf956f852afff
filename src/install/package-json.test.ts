import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { formatPackageJson, readPackageJson, removeEntry, setEntry } from './package-json.js';

function fixture(t: TestContext, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcflow-pkg-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'package.json');
  fs.writeFileSync(file, text);
  return file;
}

describe('package.json edits', () => {
  const layouts = [
    { name: 'two spaces, final newline', text: '{\n  "name": "a",\n  "scripts": {\n    "test": "x"\n  }\n}\n' },
    { name: 'four spaces, no final newline', text: '{\n    "name": "a",\n    "scripts": {\n        "test": "x"\n    }\n}' },
    { name: 'tabs', text: '{\n\t"name": "a",\n\t"scripts": {\n\t\t"test": "x"\n\t}\n}\n' },
    { name: 'CRLF', text: '{\r\n  "name": "a",\r\n  "scripts": {\r\n    "test": "x"\r\n  }\r\n}\r\n' },
  ];
  for (const { name, text } of layouts) {
    it(`round-trips unchanged and edits in place: ${name}`, (t) => {
      const pkg = readPackageJson(fixture(t, text));
      assert.equal(formatPackageJson(pkg), text);
      setEntry(pkg.data, 'scripts', 'prepare', 'husky');
      setEntry(pkg.data, 'devDependencies', 'husky', '^9.1.7');
      const edited = formatPackageJson(pkg);
      assert.deepEqual(Object.keys(JSON.parse(edited)), ['name', 'scripts', 'devDependencies'], 'new sections go last');
      assert.equal(edited.endsWith('}'), text.endsWith('}'));
      removeEntry(pkg.data, 'scripts', 'prepare');
      removeEntry(pkg.data, 'devDependencies', 'husky');
      assert.equal(formatPackageJson(pkg), text, 'removing what was added restores the file byte for byte');
    });
  }

  it('an existing key keeps its place', (t) => {
    const pkg = readPackageJson(fixture(t, '{\n  "scripts": {\n    "prepare": "a",\n    "test": "b"\n  }\n}\n'));
    setEntry(pkg.data, 'scripts', 'prepare', 'a && husky');
    assert.deepEqual(Object.keys(pkg.data.scripts!), ['prepare', 'test']);
  });

  it('an unparsable file is a usage error naming the file and the fix', (t) => {
    const file = fixture(t, '{ "name": "a", }');
    assert.throws(() => readPackageJson(file), (error: Error & { exitCode?: number; fix?: string }) => {
      assert.equal(error.exitCode, 2);
      assert.match(error.message, /package\.json is not valid JSON/);
      assert.match(error.fix!, /fix the JSON/);
      return true;
    });
  });
});

describe('package.json sort position', () => {
  it('a new devDependency goes where npm sorts it when the section is sorted, last otherwise', (t) => {
    const pkg = readPackageJson(fixture(t, '{\n\t"devDependencies": {\n\t\t"eslint": "1",\n\t\t"typescript": "5"\n\t}\n}\n'));
    setEntry(pkg.data, 'devDependencies', 'husky', '^9');
    assert.deepEqual(Object.keys(pkg.data.devDependencies!), ['eslint', 'husky', 'typescript']);
    assert.match(formatPackageJson(pkg), /^\{\n\t"devDependencies": \{\n\t\t"eslint"/, 'tabs stay tabs');
    const unsorted = readPackageJson(fixture(t, '{"scripts": {"test": "x", "build": "y"}}'));
    setEntry(unsorted.data, 'scripts', 'prepare', 'husky');
    assert.deepEqual(Object.keys(unsorted.data.scripts!), ['test', 'build', 'prepare']);
  });
});
