import type { paths } from './schema';

// Types are taken from the operations rather than from component names, so a renamed
// schema in the API's OpenAPI document does not ripple through the app.
type JsonBody<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type OkResponse<Op> = Op extends { responses: infer R }
  ? R extends { 200: infer Ok }
    ? JsonBody<Ok>
    : R extends { 201: infer Created }
      ? JsonBody<Created>
      : never
  : never;
type RequestBody<Op> = Op extends { requestBody?: infer Body } ? JsonBody<NonNullable<Body>> : never;

export type Me = OkResponse<paths['/api/auth/me']['get']>;
export type Role = Me['role'];
export type SignInInput = RequestBody<paths['/api/auth/login']['post']>;
export type ChangePasswordInput = RequestBody<paths['/api/auth/password']['post']>;

export type User = OkResponse<paths['/api/users/{id}']['get']>;
export type CreateUserInput = RequestBody<paths['/api/users']['post']>;
export type UpdateUserInput = RequestBody<paths['/api/users/{id}']['patch']>;
export type TemporaryPasswordInput = RequestBody<paths['/api/users/{id}/temporary-password']['post']>;

export type Department = OkResponse<paths['/api/departments/{id}']['get']>;
export type CreateDepartmentInput = RequestBody<paths['/api/departments']['post']>;
export type UpdateDepartmentInput = RequestBody<paths['/api/departments/{id}']['patch']>;
