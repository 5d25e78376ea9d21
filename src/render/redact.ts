/**
 * Redaction of credentials from text the tool prints (issue 19.13). An AWS error message can echo
 * the request (a proxy, a misbehaving endpoint, an `--endpoint-url` pointed at the wrong server), and
 * with it the session token, the SigV4 credential scope or signature, or an access key: none of that
 * may reach a terminal, a CI log, a PR comment or an annotation. Every printed line passes through
 * `sanitizeLine` (plan-values.ts), which calls `redactSecrets`, so this is the one place that knows
 * what a secret looks like. Pure; no state.
 */

/** What a redacted secret is replaced with. */
export const REDACTED = '***';

// `name=value` / `name: value` / `"name":"value"` / `<name>value</name>` for the names that carry secrets.
const SECRET_NAMES = [
  'X-Amz-Security-Token',
  'X-Amz-Signature',
  'X-Amz-Credential',
  'Signature',
  'Credential',
  'aws_session_token',
  'aws_secret_access_key',
  'aws_access_key_id',
  'SessionToken',
  'SecretAccessKey',
  'AccessKeyId',
  'secretAccessKey',
  'sessionToken',
  'accessKeyId',
];
const NAMES = SECRET_NAMES.join('|');
const KEYED = new RegExp(`\\b(${NAMES})("?\\s*[:=]\\s*"?)([^\\s",;&<>}']+)`, 'gi');
const XML_ELEMENT = new RegExp(`<(${NAMES})>[^<]*</\\1>`, 'gi');
// An Authorization header: everything after the scheme is credential material.
const AUTHORIZATION = /\b(Authorization\s*[:=]\s*"?)(AWS4-HMAC-SHA256|Bearer|Basic|token)\s[^"\n]*/gi;
// Access key ids: long-term (AKIA) and temporary (ASIA).
const ACCESS_KEY = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/g;
// STS session tokens begin with these base64 prefixes (`IQoJb3JpZ2lu…` is "\x21\x0a\x09origin").
const SESSION_TOKEN = /\b(IQoJb3JpZ2lu|FwoGZXIvYXdz)[A-Za-z0-9/+=]*/g;
// A secret access key: 40 base64 characters mixing upper case, lower case and digits (a hex digest,
// such as a commit SHA, has no upper case and is left alone).
const SECRET_KEY =
  /(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+]*[A-Z])(?=[A-Za-z0-9/+]*[a-z])(?=[A-Za-z0-9/+]*\d)[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;

/** `text` with credentials, signatures and secret-looking values replaced by `***`. */
export function redactSecrets(text: string): string {
  // Fast path: most printed text holds none of the markers, and this runs on every printed value.
  if (!/[=:<]|AKIA|ASIA|IQoJ|FwoG|[A-Za-z0-9/+]{40}/.test(text)) return text;
  return text
    .replace(AUTHORIZATION, (_m, head: string, scheme: string) => `${head}${scheme} ${REDACTED}`)
    .replace(XML_ELEMENT, (_m, name: string) => `<${name}>${REDACTED}</${name}>`)
    .replace(KEYED, (_m, name: string, sep: string) => `${name}${sep}${REDACTED}`)
    .replace(SESSION_TOKEN, REDACTED)
    .replace(ACCESS_KEY, (_m, prefix: string) => `${prefix}${REDACTED}`)
    .replace(SECRET_KEY, REDACTED);
}
