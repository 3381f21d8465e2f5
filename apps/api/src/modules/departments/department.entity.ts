import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Calendar } from '../calendars/calendar.entity.js';

@Entity({ name: 'departments' })
@Index('departments_code_key', ['code'], { unique: true })
@Index('departments_calendar_id_idx', ['calendarId'])
@Check('departments_name_check', `btrim(name) <> ''`)
@Check('departments_code_check', `code ~ '^[A-Z0-9][A-Z0-9_-]{0,15}$'`)
export class Department {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** Short upper-case code, unique: "FIN", "POLICE". */
  @Column({ type: 'text' })
  code: string;

  /** Life-safety departments (police, fire) raise ticket priority one step. */
  @Column({ name: 'life_safety', type: 'boolean', default: false })
  lifeSafety: boolean;

  /** The business hours its tickets' SLA clocks count in; null = the city's office hours. */
  @Column({ name: 'calendar_id', type: 'uuid', nullable: true })
  calendarId: string | null;

  @ManyToOne(() => Calendar, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'calendar_id', foreignKeyConstraintName: 'departments_calendar_id_fkey' })
  calendar?: Relation<Calendar>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
