/**
 * Azure credentials: storage and Cosmos DB account keys (`AccountKey=…==`), Service Bus / Event
 * Hubs / IoT `SharedAccessKey=…=`, SAS tokens (`sig=` beside `sv=`/`se=`), Entra ID (Azure AD)
 * client secrets (`…8Q~…`), and Azure DevOps personal access tokens (the 84-character format
 * with its `JQQJ9…AZDO` signature, or the older 52-character one assigned to an Azure name),
 * container registry passwords (52 characters with the `+ACR` signature), and a storage account
 * key by its shape alone (86 base64 characters and `==`, 64 bytes) under any name or flag when an
 * Azure storage word is near it (`<account_key>`, `-storagekey`, `AccountName`, `blob.core`).
 * Entra ID refresh tokens (`0.A….AgAB…`, `1.A…`) grant new access tokens for months.
 * The Azurite emulator's documented account key is public and not reported.
 */
import { around, assignedTo, entropy, type SecretRule } from './define.js';
import { BASE62, BASE64, BASE64URL, fake } from './fake.js';
import { isPlaceholder } from './placeholder.js';

const storageKey = `${fake('azure-storage', 86, BASE64)}==`;
const STORAGE_CONTEXT = /azure|account_?key|storage_?(?:account|key)|storagekey|accountname|blob\.core|table\.core|queue\.core|file\.core|cosmos/i;
const pat84 = `${fake('ado-a', 52)}JQQJ99${fake('ado-b', 18)}AZDO${fake('ado-c', 4)}`;
export const azure: SecretRule = {
  id: 'mcflow/azure',
  description: 'Azure key, SAS token, client secret or DevOps token',
  keywords: ['accountkey', 'sharedaccesskey', 'primarykey', 'secondarykey', 'sig=', 'q~', 'jqqj9', 'azure', 'devops', 'ado_', '+acr', 'account_key', 'storagekey', 'storage_key', '.agab'],
  patterns: [
    // Account and shared access keys end in `=` padding: 64 bytes (`==`) or 32 bytes (`=`).
    assignedTo('AccountKey|SharedAccessKey|PrimaryKey|SecondaryKey|(?:storage|cosmos|account)_?(?:access_?)?key', '[A-Za-z0-9+/]{42,86}={1,2}', '[A-Za-z0-9+/=]'),
    /(?<![\w%])sig=(?<secret>(?:[A-Za-z0-9+/]|%2[BbFf]){40,90}(?:=|%3[Dd]){0,2})(?![\w%])/gd,
    /(?<![\w~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![\w~.-])/g,
    /(?<![A-Za-z0-9])[A-Za-z0-9]{52}JQQJ9[A-Za-z0-9][A-Za-z0-9]{18}AZDO[A-Za-z0-9]{4}(?![A-Za-z0-9])/g,
    assignedTo('azure|devops|\\bado_|vsts', '[a-z2-7]{52}', '[A-Za-z0-9]'),
    /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{42}\+ACR[A-Za-z0-9+/]{6}(?![A-Za-z0-9+/=])/g,
    /(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])/g,
    // Entra ID refresh tokens: `0.A…` or `1.A…`, a client segment, then the `AgAB…` body (token format bytes).
    /(?<![\w.-])[01]\.A[\w-]{40,120}\.(?:\d\.)?AgAB[\w-]{200,4000}(?![\w-])/g,
  ],
  // Entra refresh tokens carry fixed format bytes (`AgABAAAAAAD…`, six A's) the shared filler
  // test would take for a placeholder: each value is tested here, a refresh token after its header.
  ownPlaceholderCheck: true,
  verify: (value, match) => {
    if (/^[01]\.A/.test(value)) return !isPlaceholder(value.slice(value.indexOf('.AgAB') + 16));
    if (isPlaceholder(value)) return false;
    // A SAS signature is only one beside the other SAS fields of the same URL or string.
    if (match[0].startsWith('sig=')) return /[?&;]s[vepr]=/.test(around(match, 300));
    if (entropy(value) < 3.5) return false;
    // A bare 64-byte base64 value is only an account key beside Azure storage words (a signature or digest elsewhere).
    if (match[0] === value && value.length === 88 && !/\+ACR/.test(value)) return STORAGE_CONTEXT.test(around(match, 300));
    return true;
  },
  get samples() {
    return {
      secrets: [
        `DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=${storageKey};EndpointSuffix=core.windows.net`,
        `AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey=${storageKey};`,
        `Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${fake('sb', 43, BASE64)}=`,
        `https://acme.blob.core.windows.net/c/f.txt?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&sig=${fake('sas', 40, BASE62)}%2B${fake('sas2', 3, BASE62)}%3D`,
        `AZURE_CLIENT_SECRET=${fake('entra-a', 3)}8Q~${fake('entra-b', 34, `${BASE62}_~.-`)}`,
        `AZURE_DEVOPS_PAT=${pat84}`,
        `azure_devops_pat = "${fake('ado-d', 52)}JQQJ96BBACAAAAAP${fake('ado-e', 8)}AZDO${fake('ado-f', 4)}"`,
        `azure_devops_token: ${fake('ado-old', 52, 'abcdefghijklmnopqrstuvwxyz234567')}`,
        `docker login acmeregistry.azurecr.io -u acmeregistry -p ${fake('acr-a', 42, BASE64)}+ACR${fake('acr-b', 6, BASE64)}`,
        `<azure>\n  <account_name>acmeprod</account_name>\n  <account_key>${storageKey}</account_key>\n</azure>`,
        `AzureStorageCleanup.exe -storagename acmeprod -storagekey ${fake('azure-storage2', 86, BASE64)}==`,
        `"refresh_token": "1.A${fake('entra-rt-a', 52, BASE64URL)}.AgABAwEAAAA${fake('entra-rt-b', 400, BASE64URL)}"`,
        `refresh_token=0.A${fake('entra-rt-c', 52, BASE64URL)}.AgABAAAAAAD--DLA${fake('entra-rt-d', 300, BASE64URL)}`,
      ],
      notSecrets: [
        'DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=<your-account-key>',
        'AccountKey=${STORAGE_KEY}',
        'https://cdn.example.com/img.png?sig=abc',
        `user signature sig=${fake('sig-plain', 44, BASE62)} in a log line`,
        'AZURE_CLIENT_SECRET=${{ secrets.AZURE_CLIENT_SECRET }}',
        'AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
        `signature: ${fake('sig64', 86, BASE64)}==`,
        `acr_token: ${'A'.repeat(42)}+ACR${'A'.repeat(6)}`,
        `"refresh_token": "0.A${'x'.repeat(52)}.AgABAAAAAAD${'x'.repeat(300)}"`,
      ],
    };
  },
};
