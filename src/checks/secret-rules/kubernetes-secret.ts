/**
 * Values in a Kubernetes `kind: Secret` manifest: base64 `data:` entries (decoded before they are
 * judged) and plain `stringData:` entries. Keys that name a credential (`password`, `token`,
 * `*.key`, `.dockerconfigjson`…) count unless the value is a placeholder; other keys (`username`,
 * `host`) only when their value looks random. SealedSecrets (`kind: SealedSecret`) hold
 * ciphertext and are not read. One pass over the lines of each YAML document.
 */
import { entropy, type SecretRule } from './define.js';
import { fake } from './fake.js';
import { isPlaceholder } from './placeholder.js';

const CREDENTIAL_KEY = /pass|secret|token|key|auth|credential|private|dockerconfig|cookie|salt|signing/i;
const PUBLIC_KEY = /user(?:name)?$|host|port|database|^db$|email|region|namespace|\.crt$|\.pem$|ca\.|\burl$|endpoint|id$/i;

function* findManifestSecrets(text: string): Generator<{ index: number; value: string }> {
  // Documents end at `---` lines; `kind:` may come after `data:` (kubectl sorts keys), so each document is read twice.
  const separator = /^---[ \t]{0,20}$/gm;
  let start = 0;
  for (let end = separator.exec(text); ; end = separator.exec(text)) {
    const stop = end ? end.index : text.length;
    const doc = text.slice(start, stop);
    if (/^kind:[ \t]{0,5}["']?Secret["']?[ \t]{0,20}$/m.test(doc)) yield* valuesIn(doc, start);
    if (!end) return;
    start = end.index + end[0].length;
  }
}

function* valuesIn(doc: string, offset: number): Generator<{ index: number; value: string }> {
  let section: 'data' | 'stringData' | undefined;
  // A block scalar (`.dockercfg: |` or `>`): its value is the more-indented lines that follow.
  let block: { key: string; indent: number; parts: string[]; length: number; index: number } | undefined;
  const closeBlock = function* (this: void) {
    if (block && block.parts.length > 0 && section) {
      const value = block.parts.join(section === 'data' ? '' : '\n');
      if (isSecretEntry(block.key, value, section)) yield { index: block.index, value: block.parts[0]! };
    }
    block = undefined;
  };
  let lineStart = 0;
  for (const line of doc.split('\n')) {
    const indent = /^[ \t]*/.exec(line)![0].length;
    // A value is read up to 20,000 characters (a key or a config.json is far shorter): bounded work per block.
    if (block && (indent > block.indent || line.trim() === '') && block.length < 20000) {
      const part = line.trim();
      if (part) {
        if (block.parts.length === 0) block.index = offset + lineStart + indent;
        block.parts.push(part);
        block.length += part.length;
      }
      lineStart += line.length + 1;
      continue;
    }
    yield* closeBlock();
    const top = /^(data|stringData):[ \t]*$/.exec(line);
    if (top) section = top[1] as 'data' | 'stringData';
    else if (/^\S/.test(line)) section = undefined;
    else if (section) {
      const scalar = /^([ \t]{1,10})["']?([\w.-]{1,200})["']?:[ \t]{1,5}[|>][-+]?\d?[ \t]{0,20}\r?$/.exec(line);
      const entry = /^[ \t]{1,10}["']?([\w.-]{1,200})["']?:[ \t]{1,5}["']?([^\s"'#]{1,5000})["']?[ \t]{0,20}\r?$/.exec(line);
      if (scalar) block = { key: scalar[2]!, indent: scalar[1]!.length, parts: [], length: 0, index: 0 };
      else if (entry && isSecretEntry(entry[1]!, entry[2]!, section)) {
        const at = line.indexOf(entry[2]!, entry[0].indexOf(':'));
        yield { index: offset + lineStart + at, value: entry[2]! };
      }
    }
    lineStart += line.length + 1;
  }
  yield* closeBlock();
}

const DOCUMENTATION = /example|sample|dummy|placeholder|changeme/i;

/** The strings of a JSON object, its keys and leaves, or undefined when the text is not one. */
function jsonStrings(text: string): string[] | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const out: string[] = [];
    const walk = (node: unknown): void => {
      if (typeof node === 'string') out.push(node);
      else if (node && typeof node === 'object') {
        for (const [key, child] of Object.entries(node)) {
          out.push(key);
          walk(child);
        }
      }
    };
    walk(JSON.parse(text));
    return out;
  } catch {
    return undefined;
  }
}

function isSecretEntry(key: string, value: string, section: 'data' | 'stringData'): boolean {
  let plain = value;
  if (section === 'data') {
    if (!/^[A-Za-z0-9+/]{4,}={0,2}$/.test(value)) return false;
    plain = Buffer.from(value, 'base64').toString('utf8');
  }
  if (plain.length < 6) return false;
  // A JSON value (`.dockerconfigjson`) ends in `}}}`, which reads as a template: judge its strings
  // instead. A documentation registry (`https://example/v1/`) makes the whole value an example.
  const strings = jsonStrings(plain);
  if (strings ? strings.some((s) => DOCUMENTATION.test(s)) || !strings.some((s) => s.length >= 8 && !isPlaceholder(s)) : isPlaceholder(plain)) return false;
  if (CREDENTIAL_KEY.test(key) && !PUBLIC_KEY.test(key)) return true;
  return plain.length >= 12 && entropy(plain) >= 3.5;
}

const b64 = (value: string) => Buffer.from(value).toString('base64');
export const kubernetesSecret: SecretRule = {
  id: 'mcflow/kubernetes-secret',
  description: 'value in a Kubernetes Secret',
  keywords: ['kind: secret', 'kind: "secret"', "kind: 'secret'"],
  patterns: [],
  find: findManifestSecrets,
  ownPlaceholderCheck: true,
  get samples() {
    return {
      secrets: [
        `apiVersion: v1\ndata:\n  password: ${b64(fake('k8s-pw', 18))}\n  username: ${b64('app')}\nkind: Secret\nmetadata:\n  name: db`,
        `apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\ntype: Opaque\nstringData:\n  API_TOKEN: "${fake('k8s-token', 32)}"`,
        `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/dockercfg\ndata:\n  .dockercfg: >\n    ${b64(`{"auths":{"registry.acme.io":{"auth":"${b64(`ci:${fake('k8s-cfg', 20)}`)}"}}}`)}\nmetadata:\n  name: pull`,
      ],
      notSecrets: [
        `apiVersion: v1\nkind: Secret\ndata:\n  password: ${b64('changeme')}\n  username: ${b64('admin')}`,
        `apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nspec:\n  encryptedData:\n    password: AgB${fake('sealed', 300)}`,
        `apiVersion: v1\nkind: ConfigMap\ndata:\n  LOG_LEVEL: debug`,
        `apiVersion: v1\nkind: Secret\nstringData:\n  password: "{{ .Values.db.password }}"`,
        `apiVersion: v1\nkind: Secret\ndata:\n  token: |\n    ${b64('changeme-please')}\nmetadata:\n  name: x`,
        `apiVersion: v1\nkind: Secret\ndata:\n  .dockerconfigjson: ${b64(`{"auths":{"https://registry.example.com":{"auth":"${b64(`ci:${fake('k8s-ex', 20)}`)}"}}}`)}`,
      ],
      ext: '.yaml',
    };
  },
};
