import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'departments' })
@Index('departments_code_key', ['code'], { unique: true })
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

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
