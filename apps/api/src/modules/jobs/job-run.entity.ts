import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A run of a scheduled job: who ran it, when, how it went and what it did. */
@Entity({ name: 'job_runs' })
@Index('job_runs_job_started_idx', ['job', 'startedAt'])
export class JobRun {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'text' })
  job: string;

  @Column({ type: 'text' })
  instance: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'boolean', nullable: true })
  succeeded: boolean | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  stats: Record<string, number>;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}
