import { Department } from '../modules/departments/department.entity.js';
import { LoginAttempt } from '../modules/auth/login-attempt.entity.js';
import { Session } from '../modules/sessions/session.entity.js';
import { User } from '../modules/users/user.entity.js';

/** Every entity of the data source; one list so the app, tests and CLI agree. */
export const ENTITIES = [Department, User, Session, LoginAttempt];
