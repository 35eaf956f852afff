/**
 * AWS secrets beyond the access key id: the 40-character secret access key (assigned to an AWS
 * name, or anywhere within a few lines of an access key id), STS session tokens, and Amazon
 * Bedrock API keys (long-lived `ABSK…`, short-lived `bedrock-api-key-…`). AWS's documented
 * example secret (`…EXAMPLEKEY`) is a placeholder.
 */
import { characterClasses, entropy, findNear, type SecretRule } from './define.js';
import { BASE64, fake } from './fake.js';

/** Looks like a generated secret key: mixed case and digits or symbols, high entropy (a 40-hex digest has neither). */
const looksRandom = (value: string) => characterClasses(value) >= 3 && entropy(value) >= 4.2;

/** Secret access keys within a few lines (of env, ini, JSON or code) of an access key id. */
const NEAR_KEY_ID = {
  anchor: /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Z0-9])/g,
  value: /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
  run: /[A-Za-z0-9/+=]/,
  radius: 400,
  accept: looksRandom,
};

const secretKey = fake('aws-secret', 40, BASE64);
const sessionToken = `IQoJb3JpZ2luX2Vj${fake('aws-session', 300, BASE64)}`;
export const awsCredentials: SecretRule = {
  id: 'mcflow/aws-credentials',
  description: 'AWS secret access key, session token or Bedrock API key',
  keywords: ['aws', 'secret', 'akia', 'asia', 'absk', 'bedrock-api-key-', 'iqojb3jpz2lux2v', 'fwogzxivyxdz', 'session'],
  patterns: [
    /(?:aws|secret)[\w.-]{0,20}?(?:secret|access)[\w.-]{0,10}?key["'\]]{0,2}[ \t]{0,5}(?::=|=>|[:=,])[ \t]{0,5}["'`]?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gdi,
    /(?<![A-Za-z0-9/+])(?:IQoJb3JpZ2luX2V|FwoGZXIvYXdzE)[A-Za-z0-9/+]{100,2000}={0,2}(?![A-Za-z0-9/+=])/g,
    /(?:aws|security)[\w.-]{0,10}?session[\w.-]{0,10}?token["'\]]{0,2}[ \t]{0,5}(?::=|=>|[:=,])[ \t]{0,5}["'`]?(?<secret>[A-Za-z0-9/+]{100,2000}={0,2})(?![A-Za-z0-9/+=])/gdi,
    /(?<![A-Za-z0-9/+])ABSK[A-Za-z0-9+/]{100,300}={0,2}(?![A-Za-z0-9/+=])/g,
    /\bbedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/=%&?._-]{40,2000}/g,
  ],
  find: (text) => findNear(text, NEAR_KEY_ID),
  verify: (value) => !/^[A-Za-z0-9/+]{40}$/.test(value) || looksRandom(value),
  get samples() {
    return {
      secrets: [
        `aws_secret_access_key = ${secretKey}`,
        `"SecretAccessKey": "${secretKey}"`,
        // The documented example key id beside a real secret: the id is a placeholder, the secret is not.
        `creds = ("AKIAIOSFODNN7EXAMPLE",\n         "${secretKey}")`,
        `AWS_SESSION_TOKEN=${sessionToken}`,
        `BEDROCK_KEY=AB${'SK'}QmVkcm9ja0FQSUtleS${fake('bedrock', 120, BASE64)}`,
      ],
      notSecrets: [
        'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        'aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}',
        `aws_secret_access_key_sha1 = "${fake('sha', 40, '0123456789abcdef')}"`,
        `AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nhash = "${fake('sha2', 40, '0123456789abcdef')}"`,
        'aws_secret_access_key = xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    };
  },
};
