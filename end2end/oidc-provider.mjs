// A real OpenID Connect provider for the end-to-end suite: the certified npm `oidc-provider`
// on ARSHJUL_OIDC_PORT, with its development login and consent pages. Årshjul is registered as
// a confidential client; the browser signs in with any login, and the login is taken as the
// person's e-mail address. A login written `overifierad:<e-mail>` gets `email_verified: false`,
// so the suite can see Årshjul refuse an address the provider has not verified. The login is the
// identity's `sub`.
import Provider from 'oidc-provider';

const port = Number(process.env.ARSHJUL_OIDC_PORT ?? 3190);
const appPort = Number(process.env.ARSHJUL_E2E_PORT ?? 3100);
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.ARSHJUL_OIDC_CLIENT_ID ?? 'arshjul',
      client_secret: process.env.ARSHJUL_OIDC_CLIENT_SECRET ?? 'e2e-secret-for-the-local-provider',
      redirect_uris: [`http://127.0.0.1:${appPort}/oidc/callback`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
  },
  async findAccount(_ctx, id) {
    const unverified = id.startsWith('overifierad:');
    // `annan:<e-mail>`: another identity (another `sub`) with the same verified address, as when
    // an address is reused or an account is recreated at the provider.
    const email = id.replace(/^(overifierad|annan):/, '');
    return {
      accountId: id,
      async claims() {
        return { sub: id, email, email_verified: !unverified, name: email };
      },
    };
  },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
});

// The development pages warn on every start; the suite's log stays readable without them.
provider.on('server_error', (_ctx, err) => console.error('oidc-provider:', err));
provider.listen(port, '127.0.0.1', () => {
  console.log(`OpenID provider on ${issuer}`);
});
