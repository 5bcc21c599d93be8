import {
  ADOPTION_DECISIONS,
  COMMENT_LIMITS,
  COMMENT_STATUSES,
  CONSULTATION_STATUSES,
} from '@zhijiao/contracts';
import { Type, type Static } from 'typebox';
import { literals, Nullable, Timestamp, Uuid } from '../../platform/http/schemas.ts';

export const ConsultationStatusSchema = literals(CONSULTATION_STATUSES);
export const DecisionSchema = literals(ADOPTION_DECISIONS);

export const ClauseSchema = Type.Object({
  key: Type.String({ description: 'Stable clause key across versions: preamble, section-N, task-N' }),
  kind: literals(['preamble', 'section', 'task'] as const),
  label: Type.String({ description: 'Numeral as the plan writes it: 前言, 一、, （三）' }),
  title: Type.String({ description: 'Heading of the section or task' }),
  text: Type.String({ description: 'Full text of the clause' }),
  sectionKey: Nullable(Type.String({ description: 'Section of a task clause' })),
});

const PlanRef = Type.Object({
  code: Type.String({ description: 'Plan code' }),
  version: Type.Number({ description: 'Consulted version' }),
  title: Type.String({ description: 'Plan title' }),
});

const Period = {
  opensAt: Timestamp,
  closesAt: Timestamp,
};

export const PublicConsultationSummary = Type.Object({
  id: Type.String({ description: 'Consultation id' }),
  title: Type.String({ description: 'Title shown on the portal' }),
  description: Type.String({ description: 'Introduction shown on the portal' }),
  status: ConsultationStatusSchema,
  ...Period,
  acceptingComments: Type.Boolean({ description: 'True while open and inside its period' }),
  plan: PlanRef,
  publishedComments: Type.Number({ description: 'Published comments so far' }),
});

export const PublicComment = Type.Object({
  seq: Type.Number({ description: 'Number of the comment in its consultation' }),
  clauseKey: Type.String({ description: 'Clause commented on' }),
  body: Type.String({ description: 'Comment text' }),
  authorName: Nullable(Type.String({ description: 'Name, only if the commenter gave one' })),
  createdAt: Timestamp,
  reply: Nullable(Type.String({ description: 'Reply of the plan editors' })),
  decision: Nullable(DecisionSchema),
  decisionReason: Nullable(Type.String({ description: 'Reason of the decision' })),
  repliedAt: Nullable(Timestamp),
});

export const PublicConsultationDetail = Type.Object(
  {
    ...PublicConsultationSummary.properties,
    clauses: Type.Array(ClauseSchema),
    comments: Type.Array(PublicComment),
  },
  { description: 'A consultation with its clauses and published comments. Never contacts.' },
);

export const ChallengeSchema = Type.Object({
  token: Type.String({ description: 'Send back unchanged with the comment' }),
  nonce: Type.String({
    description: 'Find counter such that sha256(nonce:counter) has `difficulty` leading zero bits',
  }),
  difficulty: Type.Number({ description: 'Leading zero bits required' }),
  expiresAt: Type.String({ description: 'ISO time after which the token is refused' }),
});

const NoControl = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$';

export const SubmitCommentBody = Type.Object(
  {
    clauseKey: Type.String({
      pattern: '^(preamble|section-[0-9]{1,3}|task-[0-9]{1,3})$',
      description: 'Clause key',
    }),
    body: Type.String({
      minLength: 1,
      maxLength: COMMENT_LIMITS.bodyMax * 2,
      description: 'Comment, at most 2,000 characters',
    }),
    authorName: Type.Optional(
      Nullable(Type.String({ maxLength: 80, pattern: NoControl, description: 'Name (optional, shown)' })),
    ),
    contact: Type.Optional(
      Nullable(
        Type.String({
          maxLength: COMMENT_LIMITS.contactMax,
          pattern: NoControl,
          description: 'Mobile or e-mail (optional, never shown)',
        }),
      ),
    ),
    website: Type.Optional(
      Nullable(Type.String({ maxLength: 200, description: 'Leave empty (anti-spam field)' })),
    ),
    challenge: Type.Object({
      token: Type.String({ maxLength: 200, description: 'Token from the challenge endpoint' }),
      counter: Type.Integer({ minimum: 0, maximum: 2 ** 40, description: 'Solution of the proof of work' }),
    }),
  },
  { additionalProperties: false },
);

export const SubmitCommentResponse = Type.Object({
  id: Type.String({ description: 'Comment id' }),
  seq: Type.Number({ description: 'Comment number' }),
  status: Type.Literal('pending', { description: 'Waiting for moderation' }),
});

export const EditorComment = Type.Object({
  id: Uuid,
  seq: Type.Number({ description: 'Comment number' }),
  clauseKey: Type.String({ description: 'Clause commented on' }),
  body: Type.String({ description: 'Comment text' }),
  authorName: Nullable(Type.String({ description: 'Name if given' })),
  contact: Nullable(Type.String({ description: 'Contact, masked (138****8000)' })),
  status: literals(COMMENT_STATUSES),
  rejectReason: Nullable(Type.String({ description: 'Why it was not published' })),
  reply: Nullable(Type.String({ description: 'Reply' })),
  decision: Nullable(DecisionSchema),
  decisionReason: Nullable(Type.String({ description: 'Reason of the decision' })),
  createdAt: Timestamp,
  repliedAt: Nullable(Timestamp),
});

const Counts = Type.Object({
  pending: Type.Number({ description: 'Awaiting moderation' }),
  published: Type.Number({ description: 'Published' }),
  rejected: Type.Number({ description: 'Not published' }),
});

const EditorCore = {
  id: Uuid,
  planId: Uuid,
  title: Type.String({ description: 'Title' }),
  description: Type.String({ description: 'Introduction' }),
  status: ConsultationStatusSchema,
  ...Period,
  closedAt: Nullable(Timestamp),
  summaryDate: Nullable(Type.String({ description: 'Date of the feedback summary' })),
  revisionPlanId: Nullable(Type.String({ description: 'Revised draft version created after closing' })),
  plan: Type.Object({ id: Uuid, ...PlanRef.properties }),
};

export const EditorConsultationSummary = Type.Object({ ...EditorCore, counts: Counts });

export const EditorConsultationDetail = Type.Object({
  ...EditorCore,
  clauses: Type.Array(ClauseSchema),
  comments: Type.Array(EditorComment),
  openWork: Type.Object({
    pending: Type.Number({ description: 'Comments awaiting moderation' }),
    unanswered: Type.Number({ description: 'Published comments without a reply' }),
  }),
  abilities: Type.Object({
    open: Type.Boolean(),
    close: Type.Boolean(),
    moderate: Type.Boolean(),
    reply: Type.Boolean(),
    revise: Type.Boolean(),
  }),
});

export const CreateConsultationBody = Type.Object(
  {
    planId: Uuid,
    title: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        pattern: NoControl,
        description: 'Title (default from the plan)',
      }),
    ),
    description: Type.Optional(
      Type.String({ maxLength: 2000, pattern: NoControl, description: 'Introduction' }),
    ),
    opensAt: Type.Optional(Type.String({ format: 'date-time', description: 'Start (default now)' })),
    closesAt: Type.String({ format: 'date-time', description: 'End of the comment period' }),
  },
  { additionalProperties: false },
);

export type CreateConsultationInput = Static<typeof CreateConsultationBody>;

export const ModerationBody = Type.Object(
  {
    action: literals(['publish', 'reject'] as const),
    reason: Type.Optional(
      Type.String({ maxLength: 500, pattern: NoControl, description: 'Required to reject' }),
    ),
  },
  { additionalProperties: false },
);

export type ModerationInput = Static<typeof ModerationBody>;

export const BatchModerationBody = Type.Object(
  {
    commentIds: Type.Array(Uuid, {
      minItems: 1,
      maxItems: 200,
      description: 'Pending comments of this consultation (at most 200)',
    }),
    action: literals(['publish', 'reject'] as const),
    reason: Type.Optional(
      Type.String({ maxLength: 500, pattern: NoControl, description: 'Required to reject' }),
    ),
  },
  { additionalProperties: false },
);

export type BatchModerationInput = Static<typeof BatchModerationBody>;

export const ReplyBody = Type.Object(
  {
    reply: Type.String({
      minLength: 1,
      maxLength: 2000,
      pattern: NoControl,
      description: 'Reply shown to the public',
    }),
    decision: DecisionSchema,
    reason: Type.Optional(
      Type.String({ maxLength: 1000, pattern: NoControl, description: 'Required unless adopted' }),
    ),
  },
  { additionalProperties: false },
);

export type ReplyInput = Static<typeof ReplyBody>;

export const RevisionBody = Type.Object(
  {
    edits: Type.Array(
      Type.Object({
        key: Type.String({ maxLength: 20, description: 'Clause key' }),
        text: Type.String({
          minLength: 1,
          maxLength: 5000,
          pattern: NoControl,
          description: 'New clause text',
        }),
      }),
      { minItems: 1, maxItems: 200, description: 'Edited clauses' },
    ),
  },
  { additionalProperties: false },
);

export type SubmitCommentInput = Static<typeof SubmitCommentBody>;

const DiffOpSchema = Type.Object({
  op: literals(['equal', 'insert', 'delete'] as const),
  text: Type.String(),
});
export const DiffSchema = Type.Object({
  from: Type.Object({ id: Uuid, version: Type.Number(), title: Type.String() }),
  to: Type.Object({ id: Uuid, version: Type.Number(), title: Type.String() }),
  changed: Type.Number({ description: 'Clauses added, removed or changed' }),
  clauses: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      title: Type.String(),
      status: literals(['unchanged', 'changed', 'added', 'removed'] as const),
      oldText: Nullable(Type.String()),
      newText: Nullable(Type.String()),
      ops: Type.Array(DiffOpSchema),
    }),
  ),
});

const Str = (description: string) => Type.String({ description });
const DocumentBlockSchema = Type.Union([
  Type.Object({
    kind: Type.Literal('heading'),
    level: Type.Number({ description: '1, 2 or 3' }),
    text: Str('Heading'),
  }),
  Type.Object({
    kind: Type.Literal('paragraph'),
    text: Str('Paragraph'),
    align: Type.Optional(Str('left | center | right')),
    indent: Type.Optional(Type.Boolean()),
  }),
  Type.Object({
    kind: Type.Literal('table'),
    columns: Type.Array(Type.String()),
    rows: Type.Array(Type.Array(Type.String())),
    widths: Type.Optional(Type.Array(Type.Number())),
  }),
  Type.Object({ kind: Type.Literal('list'), items: Type.Array(Type.String()) }),
  Type.Object({ kind: Type.Literal('pageBreak') }),
]);

/** The feedback summary as a document model, which the portal renders online. */
export const DocumentSchema = Type.Object(
  {
    title: Str('Title'),
    date: Str('Date YYYY-MM-DD'),
    signature: Type.Optional(Str('Signing body')),
    blocks: Type.Array(DocumentBlockSchema),
    lang: literals(['zh', 'en'] as const),
  },
  { description: 'Feedback summary (采纳情况说明): no names, no contacts' },
);

export const LangQuery = Type.Object({ lang: Type.Optional(literals(['zh', 'en'] as const)) });
