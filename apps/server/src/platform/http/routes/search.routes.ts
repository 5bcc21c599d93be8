import { PERMISSIONS } from '@zhijiao/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requestLang } from '../../errors/error-handler.ts';
import {
  parseSearchText,
  SEARCH_HITS_PER_KIND,
  SEARCH_KINDS,
  SEARCH_MAX_LENGTH,
  type SearchSources,
} from '../../search/search-sources.ts';
import { literals, Nullable, withErrors } from '../schemas.ts';

const Kind = literals(SEARCH_KINDS);

const SearchHitSchema = Type.Object({
  kind: Kind,
  id: Type.String({ description: 'Id of the record (unique within its kind)' }),
  title: Type.String({ description: 'The record named in the request’s language' }),
  subtitle: Type.String({ description: 'What it is, in a few words' }),
  unitName: Nullable(Type.String({ description: 'The unit it belongs to, when one does' })),
  link: Type.String({ description: 'Web path of the record’s page' }),
});

const SearchGroupSchema = Type.Object({
  kind: Kind,
  total: Type.Integer({ description: 'How many records of this kind matched in all' }),
  hits: Type.Array(SearchHitSchema, { description: `The first ${SEARCH_HITS_PER_KIND} of them` }),
});

/** `GET /api/search`: the global search over what the signed-in account may read, by kind. */
export const searchRoutes: FastifyPluginAsyncTypebox<{ searchSources: SearchSources }> = async (
  app,
  opts,
) => {
  app.get(
    '/api/search',
    {
      // Any one permission: every account holding a role (an account without one holds none).
      config: { permission: PERMISSIONS },
      schema: {
        tags: ['platform'],
        summary:
          'Search tasks, indicators, units, teachers, projects, documents and enterprises the account may read ' +
          '(each with the scope of its own list), grouped by kind',
        querystring: Type.Object({
          q: Type.String({
            maxLength: 200,
            description: `What to find: at least 1 Chinese character or 2 other characters, at most ${SEARCH_MAX_LENGTH}`,
          }),
          kind: Type.Optional(Kind),
          lang: Type.Optional(Type.String()),
        }),
        response: withErrors({
          200: Type.Object({
            q: Type.String(),
            groups: Type.Array(SearchGroupSchema),
            unavailable: Type.Array(Kind, {
              description: 'Kinds not searched because their source failed (the answer may be incomplete)',
            }),
          }),
        }),
      },
    },
    async (request) => {
      const text = parseSearchText(request.query.q);
      const { groups, unavailable } = await opts.searchSources.search(request.actor!, {
        text,
        lang: requestLang(request),
        ...(request.query.kind ? { kind: request.query.kind } : {}),
      });
      return { q: text, groups, unavailable };
    },
  );
};
