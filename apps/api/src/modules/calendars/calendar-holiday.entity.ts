import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Calendar } from './calendar.entity.js';

/** A closed local day: one-off, or yearly (optionally shifted US-style when on a weekend). */
@Entity({ name: 'calendar_holidays' })
@Index('calendar_holidays_calendar_date_key', ['calendarId', 'date'], { unique: true })
@Check('calendar_holidays_name_check', `btrim(name) <> ''`)
export class CalendarHoliday {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'calendar_id', type: 'uuid' })
  calendarId: string;

  @ManyToOne(() => Calendar, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'calendar_id', foreignKeyConstraintName: 'calendar_holidays_calendar_id_fkey' })
  calendar?: Relation<Calendar>;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'boolean', default: false })
  yearly: boolean;

  @Column({ type: 'boolean', default: false })
  observed: boolean;
}
