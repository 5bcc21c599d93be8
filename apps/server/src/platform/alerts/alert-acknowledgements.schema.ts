import { ALERT_TIERS } from '@zhijiao/contracts';
import { Type, type Static } from 'typebox';
import { literals, Nullable, Timestamp } from '../http/schemas.ts';
import { MAX_ACKNOWLEDGEMENT_NOTE, MAX_ACKNOWLEDGEMENTS } from './alert-acknowledgement.rules.ts';

/** Who acknowledged an alert (已知悉) at its current tier, when, with what note. */
export const AcknowledgementSchema = Type.Object(
  {
    by: Type.String({ description: 'Display name of the account that acknowledged it' }),
    at: Timestamp,
    note: Nullable(Type.String({ description: 'The note given with it, if any' })),
  },
  { description: 'The addressed unit’s acknowledgement (已知悉) at the current tier; null: not yet' },
);
export type AcknowledgementOut = Static<typeof AcknowledgementSchema>;

/** What an alert of the list says about acknowledging it. */
export const AcknowledgementFields = {
  acknowledgement: Nullable(AcknowledgementSchema),
  abilities: Type.Object({
    acknowledge: Type.Boolean({
      description:
        'The actor may acknowledge it now: addressed to their own unit and not yet acknowledged at this tier',
    }),
  }),
};

export const AcknowledgementBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          id: Type.String({
            minLength: 1,
            maxLength: 200,
            description: 'The alert’s id, as the list gives it',
          }),
          tier: literals(ALERT_TIERS),
        },
        { additionalProperties: false, description: 'An alert, at the tier the actor saw it at' },
      ),
      {
        minItems: 1,
        maxItems: MAX_ACKNOWLEDGEMENTS,
        description: `Alerts to acknowledge (at most ${MAX_ACKNOWLEDGEMENTS})`,
      },
    ),
    note: Type.Optional(
      Type.String({
        maxLength: MAX_ACKNOWLEDGEMENT_NOTE,
        description: `A short note kept with each acknowledgement (at most ${MAX_ACKNOWLEDGEMENT_NOTE} characters)`,
      }),
    ),
  },
  { additionalProperties: false },
);
export type AcknowledgementBody = Static<typeof AcknowledgementBody>;

export const AcknowledgementResultSchema = Type.Object({
  acknowledged: Type.Integer({ minimum: 0, description: 'Alerts this call acknowledged' }),
  alreadyAcknowledged: Type.Integer({
    minimum: 0,
    description: 'Alerts of the call the unit had already acknowledged at that tier (kept as they were)',
  }),
});
