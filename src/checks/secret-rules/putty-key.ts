/** PuTTY private key files (`.ppk`, versions 2 and 3, encrypted or not): the `Private-Lines` block. */
import type { SecretRule } from './define.js';
import { BASE64, fake } from './fake.js';

export const puttyKey: SecretRule = {
  id: 'mcflow/putty-key',
  description: 'PuTTY private key',
  keywords: ['putty-user-key-file-'],
  patterns: [/PuTTY-User-Key-File-[23]:[^\n]{1,200}\n(?:[^\n]{0,2000}\n){1,40}?Private-Lines:[ \t]{0,5}\d{1,3}\r?\n(?<secret>(?:[A-Za-z0-9+/=]{1,200}\r?\n){1,200})/gd],
  ownPlaceholderCheck: true,
  verify: (body) => body.replace(/\s/g, '').length >= 40,
  get samples() {
    return {
      secrets: [`PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAI${fake('ppk-pub', 43, BASE64)}\nPrivate-Lines: 1\nAAAAI${fake('ppk', 43, BASE64)}\nPrivate-MAC: ${fake('ppk-mac', 64, '0123456789abcdef')}\n`],
      notSecrets: ['PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\n...\n'],
      ext: '.ppk',
    };
  },
};
