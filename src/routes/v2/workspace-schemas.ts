import { Type } from '@fastify/type-provider-typebox';

export const WorkspaceId = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'Opaque workspace id',
  examples: ['w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f'],
});
export const WorkspaceName = Type.String({
  minLength: 1,
  maxLength: 200,
  // No control or bidirectional control characters: names are shown to other members.
  pattern: '^[^\\u0000-\\u001f\\u007f\\u202a-\\u202e\\u2066-\\u2069]+$',
  examples: ['backend'],
});
export const Role = Type.Union(
  [Type.Literal('owner'), Type.Literal('editor'), Type.Literal('viewer')],
  { description: 'owner: everything and members; editor: read, write, AI; viewer: read' },
);

export const WorkspaceResponse = Type.Object({
  id: WorkspaceId,
  name: Type.String(),
  personal: Type.Boolean({ description: "The member's personal workspace, which v1 uses" }),
  role: Role,
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});
export const WorkspaceListResponse = Type.Object({ items: Type.Array(WorkspaceResponse) });
/** Lists that take no parameters refuse any, rather than ignoring `limit` or `cursor`. */
export const NoQuery = Type.Object({}, { additionalProperties: false });
export const WorkspaceBody = Type.Object({ name: WorkspaceName }, { additionalProperties: false });

export const MemberResponse = Type.Object({
  user_id: Type.String(),
  username: Type.String(),
  role: Role,
  created_at: Type.String({ format: 'date-time' }),
});
export const MemberListResponse = Type.Object({ items: Type.Array(MemberResponse) });
export const AddMemberBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), role: Role },
  { additionalProperties: false },
);
export const MemberRoleBody = Type.Object({ role: Role }, { additionalProperties: false });
export const MemberParams = Type.Object({ user_id: Type.String({ minLength: 1, maxLength: 64 }) });
