import { Type } from 'typebox';
import { DateString, Nullable, UnitRef } from '../../platform/http/schemas.ts';

export const OnePlusXQuery = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100, description: 'The calendar year (考核年度)' }) },
  { additionalProperties: false },
);

const Count = (description: string) => Type.Integer({ minimum: 0, description });
const Rate = (description: string) => Nullable(Type.Number({ minimum: 0, description }));

export const OnePlusXFiguresSchema = Type.Object({
  onRegister: Count('Learners on the register (在籍) at the year’s end'),
  participants: Count('Distinct learners with at least one sitting in the year'),
  participationRate: Rate('participants ÷ onRegister × 100 (one decimal); null with no learner'),
  sittings: Count('Sittings (考核记录) in the year'),
  passes: Count('Sittings passed (合格)'),
  passRate: Rate('passes ÷ sittings × 100 (one decimal); null with no sitting'),
  recognised: Count('The year’s passes whose certificate the credit bank recognised'),
});

export const OnePlusXStatisticsSchema = Type.Object({
  year: Type.Integer(),
  asOf: DateString,
  total: OnePlusXFiguresSchema,
  schools: Type.Array(
    Type.Object({
      school: UnitRef,
      figures: OnePlusXFiguresSchema,
      majors: Type.Array(
        Type.Object({
          majorCode: Type.String(),
          majorName: Type.String(),
          figures: OnePlusXFiguresSchema,
        }),
      ),
    }),
  ),
});
