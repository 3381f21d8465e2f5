import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from './domain/role.js';

@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case; unique case-insensitively. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'enum', enum: ['requester', 'technician', 'manager', 'admin'], enumName: 'user_role' })
  role: Role;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  /** Argon2id PHC string. Never leaves the service layer. */
  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash: string;

  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'password_changed_at', type: 'timestamptz' })
  passwordChangedAt: Date;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
