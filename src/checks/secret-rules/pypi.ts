/**
 * PyPI and TestPyPI upload tokens: `pypi-` then a base64 macaroon whose first bytes name the
 * index (`AgEIcHlwaS5vcmc` is version 2, location "pypi.org"). TestPyPI tokens publish nothing
 * users install: warnings.
 */
import type { SecretRule } from './define.js';
import { BASE64URL, fake } from './fake.js';

export const pypi: SecretRule = {
  id: 'mcflow/pypi',
  description: 'PyPI upload token',
  keywords: ['pypi-ag'],
  patterns: [/(?<![\w-])pypi-Ag(?:EIcHlwaS5vcmc|ENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,1000}(?![\w-])/g],
  verify: (token) => (token.startsWith('pypi-AgEN') ? { description: 'TestPyPI upload token', severity: 'warning' } : true),
  get samples() {
    return {
      secrets: [`[pypi]\nusername = __token__\npassword = pyp${'i-AgEIcHlwaS5vcmc'}${fake('pypi', 160, BASE64URL)}`, `TWINE_PASSWORD=pyp${'i-AgENdGVzdC5weXBpLm9yZw'}${fake('testpypi', 160, BASE64URL)}`],
      notSecrets: ['password = pypi-AgEIcHlwaS5vcmc...', 'TWINE_PASSWORD=${{ secrets.PYPI_TOKEN }}'],
      ext: '.pypirc',
    };
  },
};
