import type { paths } from '../../../lib/api/schema';

// Taken from the operations, as lib/api/api-types.ts does, so a renamed schema does not ripple through.
type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

type PlanList = paths['/api/maintenance-plans'];
type PlanDetail = paths['/api/maintenance-plans/{id}'];
type CalendarList = paths['/api/maintenance/calendar']['get'];
type Feeds = paths['/api/maintenance/feeds'];

export type MaintenancePlan = Json<PlanDetail['get']['responses'][200]>;
export type CreateMaintenancePlanInput = Json<PlanList['post']['requestBody']>;
export type UpdateMaintenancePlanInput = Json<PlanDetail['patch']['requestBody']>;
export type MaintenancePreview = Json<paths['/api/maintenance-plans/preview']['post']['responses'][200]>;
export type MaintenanceMode = MaintenancePlan['mode'];
export type FanOut = MaintenancePlan['fanOut'];
export type AssetType = NonNullable<MaintenancePlan['assetType']>;

export type CalendarQuery = NonNullable<CalendarList['parameters']['query']>;
export type CalendarItem = Json<CalendarList['responses'][200]>['items'][number];

export type CalendarFeed = Json<Feeds['get']['responses'][200]>['items'][number];
export type CreatedCalendarFeed = Json<Feeds['post']['responses'][201]>;
