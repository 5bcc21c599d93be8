import { PERMISSIONS } from '@zhijiao/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { chinaDate, type Clock } from '../../clock/clock.ts';
import { requestLang } from '../../errors/error-handler.ts';
import type { TodoSources } from '../../todos/todo-sources.ts';
import { Nullable, UnitRef, withErrors } from '../schemas.ts';

const TodoItemSchema = Type.Object({
  id: Type.String({ description: 'Stable id, prefixed with its source' }),
  source: Type.String({ description: 'The module it comes from (action-plans, supervision …)' }),
  kind: Type.String({ description: 'What is to be done, e.g. report_to_write, order_to_answer' }),
  title: Type.String({ description: 'The object named in the request’s language' }),
  unit: UnitRef,
  dueDate: Nullable(Type.String({ format: 'date', description: 'Due by (China date); null: no deadline' })),
  daysLate: Nullable(Type.Integer({ description: 'Days past the due date; negative = days left' })),
  link: Type.String({ description: 'Web path of the page where it is done' }),
  count: Nullable(Type.Integer({ description: 'How many records it stands for, when it aggregates' })),
});

/** `GET /api/todos`: 我的待办, what waits for the signed-in account, collected from every module. */
export const todosRoutes: FastifyPluginAsyncTypebox<{ todoSources: TodoSources; clock: Clock }> = async (
  app,
  opts,
) => {
  app.get(
    '/api/todos',
    {
      // Any one permission: every account holding a role (an account without one holds none).
      config: { permission: PERMISSIONS },
      schema: {
        tags: ['platform'],
        summary:
          'My todos (我的待办): what waits for the signed-in account in every module — only its own ' +
          'role’s, unit’s and assignments’ — overdue first, then by due date',
        querystring: Type.Object({ lang: Type.Optional(Type.String()) }),
        response: withErrors({
          200: Type.Object({
            items: Type.Array(TodoItemSchema),
            unavailable: Type.Array(Type.String(), {
              description: 'Modules whose todos could not be read this time (the rest are listed)',
            }),
          }),
        }),
      },
    },
    async (request) =>
      opts.todoSources.collect(
        request.actor!,
        requestLang(request),
        chinaDate(opts.clock.now()),
        (source, err) => request.log.error({ err, source }, 'todo source failed'),
      ),
  );
};
