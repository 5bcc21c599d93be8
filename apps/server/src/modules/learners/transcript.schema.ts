import { LEARNER_STATUSES, OUTCOME_LEVELS, OUTCOME_TYPES } from '@zhijiao/contracts';
import { Type } from 'typebox';
import { DateString, literals, Nullable, Timestamp } from '../../platform/http/schemas.ts';

/* The transcript's response schemas (成绩单 / 学分档案): they also keep every other field out. */

const Status = literals(LEARNER_STATUSES, {
  description: '在籍 enrolled, 休学 suspended, 转学 transferred, 退学 withdrawn, 毕业 graduated',
});
const Tenths = (description: string) =>
  Type.Integer({ description: `${description}, in tenths of a credit` });

export const TranscriptSchema = Type.Object({
  learner: Type.Object({
    id: Type.String(),
    name: Type.String(),
    idMasked: Type.String({ description: 'The ID number masked (first 6 and last 4), never in clear' }),
    school: Type.Object({ id: Type.String(), name: Type.String() }),
    kind: Type.Union([Type.Literal('student'), Type.Literal('social')]),
    majorCode: Type.String(),
    majorName: Type.String(),
    className: Type.String(),
    cohortYear: Type.Integer(),
    status: Status,
    statusSince: DateString,
    history: Type.Array(
      Type.Object({ fromStatus: Nullable(Status), toStatus: Status, changedOn: DateString }),
      { description: 'Status changes, oldest first (dates only: the reasons stay on the register)' },
    ),
  }),
  outcomes: Type.Array(
    Type.Object({
      id: Type.String(),
      type: literals(OUTCOME_TYPES),
      title: Type.String(),
      level: Nullable(literals(OUTCOME_LEVELS)),
      issuer: Type.String(),
      number: Nullable(Type.String()),
      achievedOn: DateString,
      recognisedOn: Nullable(DateString),
      credits: Tenths('Credits standing for it in the account'),
      converted: Tenths('Of those, used by a standing conversion'),
    }),
    { description: 'Recognised outcomes, oldest achieved first' },
  ),
  conversions: Type.Array(
    Type.Object({
      id: Type.String(),
      outcomeId: Type.String(),
      outcomeTitle: Type.String(),
      courses: Type.Array(Type.String(), { description: 'Courses exempted (免修)' }),
      credits: Tenths('Credits the conversion used'),
      approvedOn: Nullable(DateString),
    }),
    { description: 'Approved conversions still standing, oldest first' },
  ),
  totals: Type.Object({
    recognised: Tenths('Credits standing for recognised outcomes'),
    converted: Tenths('Credits used by standing conversions'),
    balance: Tenths('The account’s balance: the sum of its entries (recognised − converted)'),
  }),
  generatedAt: Timestamp,
});

export const IssuedTranscriptSchema = Type.Object({
  id: Type.String({ description: 'The credential’s id, urn:uuid:…' }),
  jwt: Type.String({ description: 'The compact VC-JWT (save as a .jwt file)' }),
  fileName: Type.String(),
  issuedAt: Timestamp,
});
