import { actionPlansModule } from './modules/action-plans/index.ts';
import { certificationModule } from './modules/certification/index.ts';
import { consultationModule } from './modules/consultation/index.ts';
import { cooperationModule } from './modules/cooperation/index.ts';
import { enrollmentModule } from './modules/enrollment/index.ts';
import { enterprisesModule } from './modules/enterprises/index.ts';
import { internshipsModule } from './modules/internships/index.ts';
import { jointMeetingsModule } from './modules/joint-meetings/index.ts';
import { learnersModule } from './modules/learners/index.ts';
import { orgModule } from './modules/org/index.ts';
import { programsModule } from './modules/programs/index.ts';
import { supervisionModule } from './modules/supervision/index.ts';
import { teachersModule } from './modules/teachers/index.ts';
import { trainingBasesModule } from './modules/training-bases/index.ts';

/**
 * Every module of the app, in the order they are built (a module may need one listed before it).
 * Adding a module is adding its folder under `modules/` and one line here.
 */
export const MODULES = [
  orgModule,
  actionPlansModule,
  supervisionModule,
  jointMeetingsModule,
  consultationModule,
  enrollmentModule,
  teachersModule,
  programsModule,
  enterprisesModule,
  internshipsModule,
  cooperationModule,
  trainingBasesModule,
  certificationModule,
  learnersModule,
] as const;
