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

type QueryParams<Op> = Op extends { parameters: { query?: infer Query } } ? NonNullable<Query> : never;

export type TicketListItem = OkResponse<paths['/api/tickets']['get']>['items'][number];
export type TicketListQuery = QueryParams<paths['/api/tickets']['get']>;
export type TicketDetail = OkResponse<paths['/api/tickets/{id}']['get']>;
export type TicketStatus = TicketDetail['status'];
export type TicketKind = TicketDetail['kind'];
export type Priority = TicketDetail['priority'];
export type Impact = TicketDetail['impact'];
export type Urgency = TicketDetail['urgency'];
export type WorkClass = NonNullable<TicketDetail['workClass']>;
export type TicketCounts = OkResponse<paths['/api/tickets/counts']['get']>;
export type CreateTicketInput = RequestBody<paths['/api/tickets']['post']>;
export type ReportPhishingInput = RequestBody<paths['/api/tickets/report-phishing']['post']>;
export type UpdateTicketInput = RequestBody<paths['/api/tickets/{id}']['patch']>;
export type TicketComment = OkResponse<paths['/api/tickets/{id}/comments']['get']>['items'][number];
export type CreateCommentInput = RequestBody<paths['/api/tickets/{id}/comments']['post']>;
export type TicketEvent = OkResponse<paths['/api/tickets/{id}/events']['get']>['items'][number];

export type Queue = OkResponse<paths['/api/queues']['get']>['items'][number];
export type CreateQueueInput = RequestBody<paths['/api/queues']['post']>;
export type UpdateQueueInput = RequestBody<paths['/api/queues/{id}']['patch']>;
export type Category = OkResponse<paths['/api/categories']['get']>['items'][number];
export type CreateCategoryInput = RequestBody<paths['/api/categories']['post']>;
export type UpdateCategoryInput = RequestBody<paths['/api/categories/{id}']['patch']>;
export type Asset = OkResponse<paths['/api/assets']['get']>['items'][number];
export type AssetListQuery = QueryParams<paths['/api/assets']['get']>;
export type CreateAssetInput = RequestBody<paths['/api/assets']['post']>;
export type UpdateAssetInput = RequestBody<paths['/api/assets/{id}']['patch']>;
export type AssetImportResult = OkResponse<paths['/api/assets/import']['post']>;
export type AssetImportError = AssetImportResult['errors'][number];

export type Calendar = OkResponse<paths['/api/calendars/{id}']['get']>;
export type CalendarWindow = Calendar['windows'][number];
export type Holiday = Calendar['holidays'][number];
export type CreateCalendarInput = RequestBody<paths['/api/calendars']['post']>;
export type UpdateCalendarInput = RequestBody<paths['/api/calendars/{id}']['patch']>;
export type HolidayInput = RequestBody<paths['/api/calendars/{id}/holidays']['post']>;
export type PublicHolidaysInput = RequestBody<paths['/api/calendars/{id}/holidays/public']['post']>;
export type HolidayImportResult = OkResponse<paths['/api/calendars/{id}/holidays/public']['post']>;

export type SlaPolicy = OkResponse<paths['/api/sla-policies']['get']>['items'][number];
export type SlaPolicyDetail = OkResponse<paths['/api/sla-policies/{id}']['get']>;
export type SlaPolicyVersion = SlaPolicyDetail['versions'][number];
export type CreateSlaPolicyInput = RequestBody<paths['/api/sla-policies']['post']>;
export type UpdateSlaPolicyInput = RequestBody<paths['/api/sla-policies/{id}']['patch']>;
export type SlaEscalation = SlaPolicy['escalations'][number];
export type SlaTarget = SlaEscalation['target'];
export type EscalationAction = SlaEscalation['actions'][number];

export type TicketSlaSummary = TicketListItem['sla'];
export type SlaState = TicketSlaSummary['state'];
export type TicketSla = OkResponse<paths['/api/tickets/{id}/sla']['get']>;
export type SlaTargetClock = NonNullable<TicketSla['targets']['resolution']>;
export type SlaTargetState = SlaTargetClock['state'];
export type SlaSegment = TicketSla['segments'][number];
export type SlaSegmentState = SlaSegment['state'];
export type SlaPolicyMatch = TicketSla['policyMatches'][number];
export type SlaMatchReason = SlaPolicyMatch['reason'];
export type TicketEscalation = TicketSla['escalations'][number];

/** Named so, not `Notification`, to stay clear of the browser's Notification API. */
export type AppNotification = OkResponse<paths['/api/notifications']['get']>['items'][number];
export type NotificationType = AppNotification['type'];

export type AssetDetail = OkResponse<paths['/api/assets/{id}']['get']>;
export type AssetStatusChange = AssetDetail['statusHistory'][number];
export type AssetCostToDate = NonNullable<AssetDetail['costToDate']>;
export type Settings = OkResponse<paths['/api/settings']['get']>;
export type UpdateSettingsInput = RequestBody<paths['/api/settings']['patch']>;
export type AssetLifecycleYears = Settings['assetLifecycleYears'];
export type Rate = OkResponse<paths['/api/rates']['post']>;
export type RatePeriod = Rate['period'];
export type CreateRateInput = RequestBody<paths['/api/rates']['post']>;
export type StaffRole = NonNullable<Rate['role']>;
export type TicketCosts = OkResponse<paths['/api/tickets/{id}/costs']['get']>;
export type WorkLog = TicketCosts['workLogs'][number];
export type CreateWorkLogInput = RequestBody<paths['/api/tickets/{id}/work-logs']['post']>;
export type UpdateWorkLogInput = RequestBody<paths['/api/tickets/{id}/work-logs/{logId}']['patch']>;
export type Expense = TicketCosts['expenses'][number];
export type ExpenseType = Expense['type'];
export type CreateExpenseInput = RequestBody<paths['/api/tickets/{id}/expenses']['post']>;
export type UpdateExpenseInput = RequestBody<paths['/api/tickets/{id}/expenses/{expenseId}']['patch']>;

export type ImportFile = OkResponse<paths['/api/imports/files']['post']>;
export type StartTicketImportInput = RequestBody<paths['/api/imports/tickets']['post']>;
export type ImportRun = OkResponse<paths['/api/imports/{id}']['get']>;
export type ImportRunSummary = OkResponse<paths['/api/imports']['get']>['items'][number];
export type ImportRunError = ImportRun['errors'][number];

/** A page of the audit log as JSON (the same route answers CSV with format=csv). */
export type AuditPage = OkResponse<paths['/api/audit']['get']>;
export type AuditEntry = AuditPage['items'][number];
export type AuditListQuery = QueryParams<paths['/api/audit']['get']>;
export type AuditAction = AuditEntry['action'];
export type AuditTargetType = NonNullable<AuditEntry['targetType']>;
