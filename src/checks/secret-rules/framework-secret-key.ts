/**
 * Web framework signing keys: Django `SECRET_KEY = '…'` (50 random characters, symbols included)
 * and Rails `secret_key_base` (128 hex). Django's `django-insecure-…` keys, which `startproject`
 * writes for development, are warnings: harmless if the file never runs in production, session
 * forgery if it does.
 */
import { entropy, type SecretRule } from './define.js';
import { fake, HEX } from './fake.js';

export const frameworkSecretKey: SecretRule = {
  id: 'mcflow/framework-secret-key',
  description: 'Django or Rails secret key',
  keywords: ['secret_key', 'secret_token'],
  patterns: [
    /\bSECRET_KEY[ \t]{0,5}=[ \t]{0,5}(?:(?:os\.environ\.get|os\.getenv|env(?:\.str)?)\([^,)]{1,80},[ \t]{0,5})?(?<q>['"])(?<secret>[^'"\n]{20,120})\k<q>/gd,
    /\bsecret_(?:key_base|token)["']?[ \t]{0,5}(?::|=|=>)[ \t]{0,5}["']?(?<secret>[a-f0-9]{64,256})(?![\w-])/gd,
  ],
  verify: (key) => {
    if (entropy(key) < 3.8) return false;
    return key.startsWith('django-insecure-') ? { description: 'Django development secret key (django-insecure-…)', severity: 'warning' } : true;
  },
  get samples() {
    return {
      secrets: [
        `SECRET_KEY = '${fake('django', 50, 'abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)')}'`,
        `SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "${fake('django2', 50)}")`,
        `production:\n  secret_key_base: ${fake('rails', 128, HEX)}`,
        `SECRET_KEY = "django-insecure-${fake('django3', 50, 'abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)')}"`,
        // Django's alphabet holds `%` and `(`: a `%(` in a key is chance, not a `%(name)s` reference.
        `SECRET_KEY = '${fake('django4', 24, 'abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)')}%(${fake('django5', 24, 'abcdefghijklmnopqrstuvwxyz0123456789!@#$^&*-_=+')}'`,
      ],
      notSecrets: ["SECRET_KEY = os.environ['SECRET_KEY']", "SECRET_KEY = 'change-me-in-production-please-really'", 'secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>'],
      ext: '.py',
    };
  },
};
