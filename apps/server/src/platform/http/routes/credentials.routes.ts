import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { publishedDidDocument, publishedStatusList } from '../../credentials/credential-issuing.ts';
import { MAX_CREDENTIAL_CHARS } from '../../credentials/credentials.service.ts';
import {
  verifyCredentialPublicly,
  type PublicCredentialDeps,
} from '../../credentials/public-verification.service.ts';
import { ErrorResponse, Nullable, withErrors } from '../schemas.ts';

const tags = ['open data'];

const DistrictCode = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$',
  description: 'The issuing district’s org-unit code, e.g. SD',
});

const DidDocumentSchema = Type.Object({
  '@context': Type.Array(Type.String()),
  id: Type.String({ description: 'The district’s DID, did:web:<host>:issuers:<code>' }),
  verificationMethod: Type.Array(
    Type.Object({
      id: Type.String(),
      type: Type.String({ description: 'JsonWebKey2020 or Multikey' }),
      controller: Type.String(),
      publicKeyJwk: Type.Optional(Type.Object({ kty: Type.String(), crv: Type.String(), x: Type.String() })),
      publicKeyMultibase: Type.Optional(Type.String()),
    }),
  ),
  assertionMethod: Type.Array(Type.String()),
});

const Reason = Type.Object({
  code: Type.String({
    description: 'Stable reason code, e.g. CREDENTIAL_SIGNATURE_INVALID, CREDENTIAL_REVOKED',
  }),
  zh: Type.String(),
  en: Type.String(),
});

const VerificationAnswerSchema = Type.Object({
  valid: Type.Boolean({ description: 'Signature holds, claims agree, in force and not revoked' }),
  signatureValid: Type.Boolean(),
  revoked: Nullable(Type.Boolean({ description: 'Null when the status could not be read' })),
  credential: Nullable(
    Type.Object({
      id: Type.String(),
      issuer: Type.Object({ id: Type.String(), name: Nullable(Type.String()) }),
      achievement: Type.Object({
        name: Type.String(),
        description: Nullable(Type.String()),
        achievementType: Nullable(Type.String()),
      }),
      holderName: Nullable(Type.String({ description: 'The name as the credential holds it' })),
      results: Type.Array(
        Type.Object({
          name: Type.String({ description: 'The name of the result description it reports against' }),
          resultType: Nullable(Type.String({ description: 'OB resultType, e.g. ext:RecognisedCredits' })),
          value: Type.String(),
        }),
        { description: 'The subject’s results (a transcript’s lines and totals), as signed' },
      ),
      creditsEarned: Nullable(Type.Number({ description: 'OB creditsEarned (a transcript’s balance)' })),
      validFrom: Type.String(),
      validUntil: Nullable(Type.String()),
      kid: Type.String(),
    }),
  ),
  reasons: Type.Array(Reason),
});

/**
 * Credentials anyone can verify (no sign-in): each district's did:web document at the path its
 * DID maps to, its signed status lists, and the verification the public page calls. The DID and
 * the lists' URLs come from `ZHIJIAO_PUBLIC_URL`; without it every route says so
 * (`CREDENTIALS_NOT_CONFIGURED`). The two documents may be read from any origin (a verifier's
 * page fetches them) and are cached briefly: a revocation shows within a minute.
 */
export const credentialsRoutes: FastifyPluginAsyncTypebox<{
  deps: PublicCredentialDeps;
}> = async (app, { deps }) => {
  app.get(
    '/issuers/:code/did.json',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'The district’s did:web document: every key it signs credentials with (JWK and Multikey)',
        params: Type.Object({ code: DistrictCode }),
        response: withErrors({ 200: DidDocumentSchema }),
      },
    },
    async (request, reply) => {
      const doc = publishedDidDocument(deps.credentials, request.params.code);
      return reply
        .header('access-control-allow-origin', '*')
        .header('cache-control', 'public, max-age=300')
        .type('application/did+json; charset=utf-8')
        .send(doc);
    },
  );

  app.get(
    '/issuers/:code/status/:list',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'A revocation list of the district (W3C Bitstring Status List), as a VC-JWT signed by it',
        params: Type.Object({ code: DistrictCode, list: Type.Integer({ minimum: 1, maximum: 999_999_999 }) }),
        response: withErrors({
          200: {
            description: 'The BitstringStatusListCredential as a compact JWS',
            content: { 'application/vc+jwt': { schema: { type: 'string' } } },
          },
        }),
      },
    },
    async (request, reply) => {
      const jwt = await publishedStatusList(deps, request.params.code, request.params.list);
      return reply
        .header('access-control-allow-origin', '*')
        .header('cache-control', 'public, max-age=60')
        .type('application/vc+jwt')
        .send(jwt);
    },
  );

  app.post(
    '/api/public/credentials/verify',
    {
      config: { permission: 'public' },
      bodyLimit: MAX_CREDENTIAL_CHARS * 2,
      schema: {
        tags,
        summary:
          'Verify a credential this installation issued: issuer, achievement, holder name, signature, revocation; 429 when rate-limited',
        body: Type.Object(
          {
            credential: Type.String({
              minLength: 1,
              maxLength: MAX_CREDENTIAL_CHARS,
              description: 'The credential as a compact JWT (the content of its .jwt file)',
            }),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: VerificationAnswerSchema, 429: ErrorResponse }),
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return verifyCredentialPublicly(deps, request.body.credential, { ip: request.ip });
    },
  );
};
