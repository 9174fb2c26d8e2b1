// A real OpenID provider for the single sign-on tests (issue 17): npm's oidc-provider, a
// certified implementation, on 127.0.0.1 over HTTPS with a certificate from a CA made here with
// openssl; the server trusts that CA alone through samverkan.oidc.ca_file. The test configures
// the client and the people; the provider's development login form takes any password.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Provider from 'oidc-provider';

// A CA, and a certificate it signs for 127.0.0.1 (and localhost), or for `host` alone, in `dir`.
export function makeCertificates(dir, name = 'Samverkan test CA', host = null) {
  const file = (f) => join(dir, f);
  const openssl = (...args) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
          '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '2', '-subj', `/CN=${name}`,
          '-addext', 'basicConstraints=critical,CA:TRUE',
          '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
          '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', `/CN=${host ?? '127.0.0.1'}`);
  writeFileSync(file('server.ext'), `subjectAltName=${host ? `DNS:${host}` : 'IP:127.0.0.1,DNS:localhost'}\n` +
    'basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\nkeyUsage=digitalSignature\n');
  openssl('x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'),
          '-CAcreateserial', '-out', file('server.pem'), '-days', '2', '-extfile', file('server.ext'));
  return { caFile: file('ca.pem'), key: readFileSync(file('server.key')), cert: readFileSync(file('server.pem')) };
}

function signingKey(type, options, kid, alg) {
  const { privateKey } = generateKeyPairSync(type, options);
  return { ...privateKey.export({ format: 'jwk' }), kid, alg, use: 'sig' };
}

// Starts the provider on `port`. `people`: sub -> claims (email, email_verified, name, roles), read
// at each login, so a test may change them. `client`: the client's metadata. `certificateHost`:
// a certificate for that name instead of 127.0.0.1 (one the server must refuse).
export async function startIdp({ port, client, people, certificateHost = null }) {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-idp-'));
  const tls = makeCertificates(dir, 'Samverkan test CA', certificateHost);
  const issuer = `https://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [client],
    jwks: {
      keys: [signingKey('ec', { namedCurve: 'P-256' }, 'es-2026', 'ES256'),
             signingKey('rsa', { modulusLength: 2048 }, 'rs-2026', 'RS256')],
    },
    async findAccount(ctx, sub) {
      return {
        accountId: sub,
        async claims() { return { sub, ...(people[sub] ?? {}) }; },
      };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], roles: ['roles'] },
    // The claims of the scopes in the ID token itself, as Entra ID and most municipal IdPs do.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    // No consent page: the municipality's own application is consented to by the organisation.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId ||
        ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile roles');
      await grant.save();
      return grant;
    },
    cookies: { keys: ['samverkan-test-idp-cookies'] },
  });
  provider.on('server_error', (ctx, error) => console.error('idp:', error));
  const server = createServer({ key: tls.key, cert: tls.cert }, provider.callback());
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    issuer,
    caFile: tls.caFile,
    dir,
    async stop() {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
