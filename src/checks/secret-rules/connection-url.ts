/**
 * Connection URLs with a password in them, for the databases and brokers the team runs:
 * postgres, mysql/mariadb, mongodb(+srv), redis(s), amqp(s), mssql/sqlserver (also behind
 * `jdbc:`), and ADO.NET strings (`Server=…;Password=…`). Only the password is the secret: a URL
 * with `<password>`, `${DB_PASSWORD}` or `changeme` in it is documentation, not a leak.
 */
import type { SecretRule } from './define.js';
import { isPlaceholder } from './placeholder.js';

// A SQLAlchemy driver may follow the scheme (`postgresql+psycopg2://`, `mysql+pymysql://`), as in alembic.ini and settings files.
const SCHEMES = '(?:https?|postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb|clickhouse|oracle|snowflake|neo4j(?:\\+s)?|nats|ldaps?|smtps?|ftps?|sftp)(?:\\+[a-z0-9]{1,20})?';
export const connectionUrl: SecretRule = {
  id: 'mcflow/connection-url',
  description: 'password in a connection URL',
  keywords: ['://', 'password=', 'pwd='],
  patterns: [
    // The password runs to the `@` before the host: generated passwords hold `/`, `+`, `=` and `%`.
    new RegExp(`\\b(?:jdbc:)?(?:${SCHEMES}):\\/\\/(?<user>[^:@/\\s'"\`]{0,100}):(?<secret>[^@\\s'"\`]{1,200})@[^\\s'"\`]{1,200}`, 'gid'),
    /\b(?:Server|Data Source|Host)[ \t]{0,5}=[^;'"\n]{1,200};(?:[^;'"\n]{0,200};){0,10}?[ \t]{0,5}(?:Password|Pwd)[ \t]{0,5}=[ \t]{0,5}(?<secret>[^;'"\s]{1,200})/gid,
  ],
  ownPlaceholderCheck: true,
  // A password equal to its user name (`mongodb:mongodb@`, `guest:guest@`) is an image's default, not a secret;
  // `host:5432/app@…` has no password: a port, then a path that holds an `@`.
  // A URL whose user and host are both placeholders is a template (`https://username:passowrd@hostname/…`
  // in a doc comment), whatever stands in for the password.
  verify: (password, match) =>
    password !== match.groups?.user && !/^\d{1,5}(?:\/|$)/.test(password) && !isPlaceholder(safeDecode(password)) && !isTemplate(match),
  get samples() {
    return {
      secrets: [
        'DATABASE_URL=postgres://app:HgxzNN%26AL5wIS@db.prod.internal:5432/app',
        'REDIS_URL=redis://:u8jzPde0IgxLd6Gn@cache.example.com:6379/0',
        'url: "mongodb+srv://svc:Bd0Kh8oOOL8dKLzd@cluster0.ab1cd.mongodb.net/app"',
        'AMQP_URL=amqps://worker:M2oeq3hDavJA76rN@mq.internal/vhost',
        'jdbc:sqlserver://sa:Xq7!pLm2vR9t@sql01:1433',
        'sqlalchemy.url = postgresql+psycopg2://app:Tq8vW3nZr5Lm@db.internal/app',
        'EMAIL_URL=smtps://mailer:Pz4kQ9wX2mRt@smtp.acme.io:465',
        'ConnectionStrings__Db="Server=sql01;Database=app;User Id=sa;Password=Xq7!pLm2vR9tK;"',
        'DATABASE_URL=postgres://admin:Hq7/vT+Pa55wQ@db.internal/app',
        'git remote add ci https://ci:Xk9+fQ2pLm7Rz%21@git.example.com/repo.git',
        'PUSH_URL=https://username:Xk9+fQ2pLm7Rz@git.acme.io/repo.git',
        'DATABASE_URL=postgres://${DB_USER}:Sup3rS3cretPw9@${DB_HOST}/app',
      ],
      notSecrets: [
        'sqlalchemy.url = driver://user:pass@localhost/dbname',
        'DATABASE_URL=postgres://user:<password>@localhost:5432/app',
        'DATABASE_URL=postgres://user:${DB_PASSWORD}@db:5432/app',
        'REDIS_URL=redis://:changeme@localhost:6379',
        'DATABASE_URL=postgres://postgres:postgres@localhost:5432/app',
        'MONGO_URL=mongodb://localhost:27017/app',
        'DATABASE_URL=mysql://root:password@127.0.0.1/db',
        'AMQP_URL=amqp://rabbit:rabbit@mq:5672/',
        'ConnectionStrings__Db="Server=sql01;Password=…;"',
        'DATABASE_URL=postgres://db.internal:5432/app@2024',
        'see https://user:pass@example.com/docs',
        ' * returns a URL with Basic Authentication (`https://username:passowrd@hostname:port/path.git`)',
      ],
    };
  },
};

/** Host names that stand for "your host here" in documentation. */
// Not `${DB_HOST}`: an interpolated user and host around a literal password is a real config.
const PLACEHOLDER_HOST = /^(?:host(?:name)?|your[-_]?(?:host(?:name)?|server|domain)|server|domain|<[^>]*>)$/i;
/** User names that stand for "your user here". */
const PLACEHOLDER_USER = /^(?:user(?:name)?|your[-_]?user(?:name)?|login|<[^>]*>)$/i;

function isTemplate(match: RegExpExecArray): boolean {
  const user = match.groups?.user;
  if (user === undefined || !PLACEHOLDER_USER.test(user)) return false;
  // Neither user nor password holds an '@': the first one ends them.
  const host = match[0].slice(match[0].indexOf('@') + 1).split(/[:/?#]/)[0] ?? '';
  return PLACEHOLDER_HOST.test(host);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
