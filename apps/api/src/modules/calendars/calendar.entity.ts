import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { WeeklyWindow } from '@civicdesk/sla';

@Entity({ name: 'calendars' })
@Index('calendars_system_key_key', ['systemKey'], { unique: true })
@Check('calendars_name_check', `btrim(name) <> ''`)
export class Calendar {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** IANA zone the windows and holidays are read in. */
  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  windows: WeeklyWindow[];

  /** 'city_office_hours' marks the default for departments without a calendar. */
  @Column({ name: 'system_key', type: 'text', nullable: true })
  systemKey: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
